/**
 * Queue a digest for subscribers, each chat getting its own view (its feeds and topics, then the
 * story limit: chatDigestView, the rule /digest follows too). Chats with the same view share one
 * stored view (data, not messages: the outbox renders it when sending, digest-view.ts). The last
 * message carries the story buttons and, when the chat has more stories, a "more" button. A chat
 * that was already shown exactly these stories is not sent them again. Each chat gets its digest in
 * its language (a chat without one: the operator's LANGUAGE). The outbox does the sending.
 */
import type { Store, StoredDigest } from '../store/store.js';
import type { Digest, Story } from '../domain/types.js';
import { chatDigestView, storiesKey } from '../app/personalize-digest.js';
import { eachChatPreferences } from '../store/preference-store.js';
import type { DigestView } from '../store/delivery-store.js';
import { renderDigestView } from './digest-view.js';
import { pickCardFigures } from '../render/card/pick-card-figures.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/translator.js';

/** What publishing did. */
export interface PublishResult {
  /** Chats considered. */
  chats: number;
  /** Outbox rows added (chats that already had this digest add none). */
  queued: number;
  /** Distinct views (each rendered when sent). */
  renditions: number;
  /** Chats whose preferences left no story: nothing to send. */
  empty: number;
  /** Chats last shown exactly these stories (by /digest or an earlier edition): not sent again. */
  repeats: number;
}

/**
 * Add the digest's parts to the outbox for `chatIds` (default: every active, unpaused subscriber)
 * and record `givenAt` as their last digest — every chat in ONE transaction, so a process killed
 * while queuing leaves all of them or none queued (never an edition half given out, with the
 * rest of the chats marked as served). Queuing twice is harmless: a chat gets one edition once.
 * `candidates` are every ranked story of the edition's window (the edition itself is cut to the
 * story limit); each chat's view is filtered from them, then cut to `maxStories`. A chat that
 * turned the picture card on gets the edition's card (in `language`) as a first part, before the text.
 * @example await publishDigest(store, digest, { givenAt: new Date(), candidates, maxStories: 10 })
 */
export async function publishDigest(
  store: Store,
  digest: StoredDigest,
  opts: {
    chatIds?: number[];
    givenAt?: Date | null;
    candidates?: Digest | null;
    maxStories?: number;
    /** Each chat's language as stored (read from the store when absent). */
    languages?: ReadonlyMap<number, string | null>;
    /** The language of chats without one (the operator's LANGUAGE); English by default. */
    language?: string;
  } = {},
): Promise<PublishResult> {
  const subscribers = opts.chatIds && opts.languages ? [] : await store.activeSubscribers();
  const chatIds = opts.chatIds ?? subscribers.filter((s) => !s.paused).map((s) => s.chatId);
  const languages = opts.languages ?? new Map(subscribers.map((s) => [s.chatId, s.language]));
  const fallback: Locale = isLocale(opts.language) ? opts.language : DEFAULT_LOCALE;
  const localeOf = (chatId: number): Locale => {
    const stored = languages.get(chatId);
    return isLocale(stored) ? stored : fallback;
  };
  const candidates = opts.candidates && opts.candidates.stories.length > 0 ? opts.candidates : digest;
  const maxStories = opts.maxStories ?? Math.max(1, digest.stories.length);
  const views = new Map<string, { page: Digest; more: boolean; locale: Locale; card: boolean; chats: Array<{ chatId: number; all: Story[] }> }>();
  // Only an edition with figures has a card to show.
  const cardChats = pickCardFigures(digest).length > 0 ? await store.pictureCardChats(chatIds) : new Set<number>();
  const result: PublishResult = { chats: chatIds.length, queued: 0, renditions: 0, empty: 0, repeats: 0 };
  const groups: Array<{ view: DigestView | null; messages: number; chatIds: number[] }> = [];
  const repeats: number[] = [];
  for await (const [chatId, prefs] of eachChatPreferences(store, chatIds)) {
    const view = chatDigestView(candidates, prefs, maxStories);
    const page = { ...view.page, stories: view.page.stories.map((s) => editionVersion(s, digest)) };
    const last = await store.getChatView(chatId);
    if (page.stories.length > 0 && last && storiesKey(last.stories.slice(0, page.stories.length)) === storiesKey(page.stories)) {
      repeats.push(chatId);
      continue;
    }
    const locale = localeOf(chatId);
    const card = cardChats.has(chatId);
    const key = `${storiesKey(page.stories)}\u0003${view.more}\u0003${locale}\u0003${card}`;
    const group = views.get(key);
    if (group) group.chats.push({ chatId, all: view.all });
    else views.set(key, { page, more: view.more, locale, card, chats: [{ chatId, all: view.all }] });
  }
  if (repeats.length > 0) {
    result.repeats = repeats.length;
    groups.push({ view: null, messages: 0, chatIds: repeats });
  }
  for (const { page, more, locale, card, chats } of views.values()) {
    if (page.stories.length === 0 && digest.stories.length > 0) {
      result.empty += chats.length;
      groups.push({ view: null, messages: 0, chatIds: chats.map((c) => c.chatId) });
      continue;
    }
    result.renditions++;
    // The picture card, in the chat's language, goes first.
    const view: DigestView = { date: page.date, timezone: page.timezone, stories: page.stories, more, card: card && page.stories.length > 0, locale };
    groups.push({ view, messages: renderDigestView(view).length, chatIds: chats.map((c) => c.chatId) });
  }
  result.queued = await store.enqueueEdition(digest.id, groups, opts.givenAt ?? null);
  // What each chat was shown, so /story N, the story buttons and "more" refer to it.
  const at = opts.givenAt ?? digest.createdAt;
  for (const { page, chats } of views.values()) {
    if (page.stories.length === 0) continue;
    for (const { chatId, all } of chats) await store.saveChatView(chatId, { at, stories: all.map((s) => editionVersion(s, digest)) });
  }
  return result;
}

/** The edition's text of a story (its summary may be an LLM's), numbered as the chat sees it. */
function editionVersion(story: Story, digest: Digest): Story {
  const edition = story.articleId === null ? undefined : digest.stories.find((s) => s.articleId === story.articleId);
  return edition ? { ...edition, number: story.number } : story;
}
