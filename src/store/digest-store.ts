/** Digest editions, kept as data (their stories): messages are rendered when they are sent. */
import type { Digest } from '../domain/types.js';

/** A stored digest edition. */
export interface StoredDigest extends Digest {
  id: number;
}

/** A digest as saving it left it: `created` false when an edition with its key was stored already. */
export interface SavedDigest extends StoredDigest {
  created: boolean;
}

/** Digests: saved editions, newest first. */
export interface DigestStore {
  /**
   * Save an edition. With a `key`, it is saved once: when an edition with that key exists
   * (another builder got there first), that one is returned with `created: false`.
   */
  saveDigest(digest: Digest, opts?: { key?: string }): Promise<SavedDigest>;
  latestDigest(): Promise<StoredDigest | null>;
  getDigest(id: number): Promise<StoredDigest | null>;
  /** Every edition's id and date, oldest first (for rebuilding the archive). */
  listDigests(): Promise<Array<{ id: number; date: string; createdAt: Date }>>;
}
