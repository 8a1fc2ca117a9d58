/** Queue a digest for every active subscriber (or one chat); the outbox worker does the sending. */
import type { Store, StoredDigest } from '../store/store.js';

/**
 * Add the digest's parts to the outbox for the active subscribers; returns rows queued.
 * Queuing twice is harmless: (digest, chat, part) is unique.
 * @example await publishDigest(store, digest)
 */
export async function publishDigest(store: Store, digest: StoredDigest, onlyChat?: number): Promise<number> {
  const chats = onlyChat !== undefined ? [onlyChat] : (await store.activeSubscribers()).map((s) => s.chatId);
  return store.enqueueDigest(digest.id, digest.parts.length, chats);
}
