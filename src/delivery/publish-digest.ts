/**
 * Queue a digest for subscribers, each chat getting its own view (its feeds and topics). Chats
 * with the same view share one rendering: a digest is rendered once per distinct content, not
 * once per subscriber. The outbox worker does the sending.
 */
import type { Store, StoredDigest } from '../store/store.js';
import type { Digest } from '../domain/types.js';
import { personalizeDigest } from '../app/personalize-digest.js';
import { renderTelegram } from '../render/render-telegram.js';

/** What publishing did. */
export interface PublishResult {
  /** Chats considered. */
  chats: number;
  /** Outbox rows added (chats that already had this digest add none). */
  queued: number;
  /** Distinct renderings. */
  renditions: number;
  /** Chats whose preferences left no story: nothing to send. */
  empty: number;
}

/**
 * Add the digest's parts to the outbox for `chatIds` (default: every active, unpaused subscriber)
 * and record `givenAt` as their last digest — every chat in ONE transaction, so a process killed
 * while queuing leaves all of them or none queued (never an edition half given out, with the
 * rest of the chats marked as served). Queuing twice is harmless: a chat gets one edition once.
 * @example await publishDigest(store, digest, { givenAt: new Date().toISOString() })
 */
export async function publishDigest(
  store: Store,
  digest: StoredDigest,
  opts: { chatIds?: number[]; givenAt?: string | null } = {},
): Promise<PublishResult> {
  const chatIds = opts.chatIds ?? (await store.activeSubscribers()).filter((s) => !s.paused).map((s) => s.chatId);
  const views = new Map<string, { view: Digest; chats: number[] }>();
  for (const chatId of chatIds) {
    const view = personalizeDigest(digest, await store.getPreferences(chatId));
    const key = view.stories.map((s) => `${s.articleId ?? ''}\u0001${s.title}`).join('\u0002');
    const group = views.get(key);
    if (group) group.chats.push(chatId);
    else views.set(key, { view, chats: [chatId] });
  }
  const result: PublishResult = { chats: chatIds.length, queued: 0, renditions: 0, empty: 0 };
  const groups: Array<{ parts: string[] | null; chatIds: number[] }> = [];
  for (const { view, chats } of views.values()) {
    if (view.stories.length === 0 && digest.stories.length > 0) {
      result.empty += chats.length;
      groups.push({ parts: null, chatIds: chats });
      continue;
    }
    result.renditions++;
    groups.push({ parts: view.stories.length === digest.stories.length ? digest.parts : renderTelegram(view), chatIds: chats });
  }
  result.queued = await store.enqueueEdition(digest.id, groups, opts.givenAt ?? null);
  return result;
}
