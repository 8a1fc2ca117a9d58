/** Digest editions, each with its Telegram messages rendered once for every subscriber. */
import type { Digest } from '../domain/types.js';

/** A stored digest with the Telegram messages rendered once for every subscriber. */
export interface StoredDigest extends Digest {
  id: number;
  parts: string[];
}

/** Digests: saved editions, newest first. */
export interface DigestStore {
  saveDigest(digest: Digest, parts: string[]): Promise<StoredDigest>;
  latestDigest(): Promise<StoredDigest | null>;
  getDigest(id: number): Promise<StoredDigest | null>;
  /** Every edition's id and date, oldest first (for rebuilding the archive). */
  listDigests(): Promise<Array<{ id: number; date: string; createdAt: string }>>;
}
