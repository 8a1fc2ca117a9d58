/** One chat's view of a digest: only the feeds and topics it asked for. Pure. */
import type { Digest, Story } from '../domain/types.js';
import type { ChatPreferences } from '../store/preference-store.js';
import type { Translator } from '../i18n/translator.js';

/**
 * Text reduced for word matching: accents dropped, lower case, every run of non-letters and
 * non-digits one space, padded with a space on each side.
 * @example normalizeForMatch('Interest-Rates, 2026!') // ' interest rates 2026 '
 */
export function normalizeForMatch(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/**
 * True when `normalized` (from normalizeForMatch) mentions the word or phrase as whole words.
 * A plain substring test on normalized text: user input never becomes a regular expression.
 * @example mentions(normalizeForMatch('Kyiv and Ukraine'), 'ukraine') // true
 */
export function mentions(normalized: string, phrase: string): boolean {
  let needle = needles.get(phrase);
  if (needle === undefined) {
    needle = normalizeForMatch(phrase);
    // A chat's few topic words are asked about once per story and chat: normalized once.
    if (needles.size >= 10_000) needles.clear();
    needles.set(phrase, needle);
  }
  return needle.trim() !== '' && normalized.includes(needle);
}

/** Normalized words and phrases by what was typed (bounded). */
const needles = new Map<string, string>();

/**
 * Match texts by story object: a window's stories are shared, unchanged, by every chat and
 * command filtering them (a digest for 100,000 chats, /figures for each asker), so each story is
 * normalized once rather than once per chat. Stories are never modified in place (copies are made).
 */
const matchTexts = new WeakMap<object, string>();

/** What a topic is matched against: title, summary, and each figure's label and sentence. */
export function storyMatchText(story: Pick<Story, 'title' | 'summary' | 'figures'>): string {
  let text = matchTexts.get(story);
  if (text === undefined) {
    text = normalizeForMatch([story.title, story.summary, ...story.figures.flatMap((f) => [f.label, f.sentence])].join(' \n '));
    matchTexts.set(story, text);
  }
  return text;
}

/**
 * True when the story passes the topics: mentions one of `include` (when any) and none of `exclude`.
 * @example storyMatchesTopics(story, { include: ['ukraine'], exclude: ['football'] })
 */
export function storyMatchesTopics(story: Pick<Story, 'title' | 'summary' | 'figures'>, topics: { include: readonly string[]; exclude: readonly string[] }): boolean {
  if (topics.include.length === 0 && topics.exclude.length === 0) return true;
  const text = storyMatchText(story);
  if (topics.include.length > 0 && !topics.include.some((p) => mentions(text, p))) return false;
  return !topics.exclude.some((p) => mentions(text, p));
}

/**
 * The digest filtered by the chat's preferences (feeds, then topics: whole words, any case,
 * accents ignored), stories renumbered from 1.
 * @example personalizeDigest(digest, { feedIds: [2], include: ['ukraine'], exclude: [] })
 */
export function personalizeDigest(digest: Digest, prefs: ChatPreferences): Digest {
  const stories = digest.stories.filter(
    (story) =>
      (prefs.feedIds === null || (story.feedId != null && prefs.feedIds.includes(story.feedId))) && storyMatchesTopics(story, prefs),
  );
  return { ...digest, stories: stories.map((story, i) => ({ ...story, number: i + 1 })) };
}

/** A chat's digest: its first page, and every story it would see, numbered as it sees them. */
export interface ChatDigestView {
  /** The digest the chat is sent: its stories, at most `maxStories`. */
  page: Digest;
  /** Every story that passes the chat's preferences (the page's first, then later pages). */
  all: Story[];
  /** True when there are stories beyond the page (a "more" button). */
  more: boolean;
  /** Stories the chat's preferences left out, and why. */
  hidden: HiddenStories;
}

/** What a chat's preferences left out of a digest. */
export interface HiddenStories {
  /** Stories of feeds the chat does not get. */
  byFeeds: number;
  /** Stories of its feeds that the topic filter hid. */
  byTopics: number;
  /** Per excluded word or phrase: the stories hidden because they mention it. */
  excludedBy: Record<string, number>;
  /** Stories hidden because they mention none of the included words. */
  notIncluded: number;
}

/**
 * The one rule for a chat's digest, used by /digest and by the scheduled digest alike: from every
 * ranked candidate story, keep those of the chat's feeds and topics, then cut to the story limit.
 * Filtering first means a chat's topics never leave it with fewer stories than exist.
 * @example chatDigestView(allStories, await store.getPreferences(chatId), 10).page
 */
export function chatDigestView(candidates: Digest, prefs: ChatPreferences, maxStories: number): ChatDigestView {
  const all = personalizeDigest(candidates, prefs).stories;
  return { page: { ...candidates, stories: all.slice(0, maxStories) }, all, more: all.length > maxStories, hidden: hiddenStories(candidates.stories, prefs) };
}

/** Count what the preferences hide, and by which words (the first excluded word a story mentions). */
function hiddenStories(stories: readonly Story[], prefs: ChatPreferences): HiddenStories {
  const hidden: HiddenStories = { byFeeds: 0, byTopics: 0, excludedBy: {}, notIncluded: 0 };
  for (const story of stories) {
    if (prefs.feedIds !== null && (story.feedId == null || !prefs.feedIds.includes(story.feedId))) {
      hidden.byFeeds++;
      continue;
    }
    if (storyMatchesTopics(story, prefs)) continue;
    hidden.byTopics++;
    const text = storyMatchText(story);
    const word = prefs.exclude.find((p) => mentions(text, p));
    if (word !== undefined) hidden.excludedBy[word] = (hidden.excludedBy[word] ?? 0) + 1;
    else hidden.notIncluded++;
  }
  return hidden;
}

/**
 * In words: how many stories the topic filter hid and by which words, or null when it hid none.
 * @example hiddenByTopicsText(view.hidden, prefs, translator('en')) // '3 stories hidden by your topics: 2 mention "football"; 1 mentions none of "ukraine".'
 */
export function hiddenByTopicsText(hidden: HiddenStories, prefs: Pick<ChatPreferences, 'include'>, tr: Translator): string | null {
  if (hidden.byTopics === 0) return null;
  const reasons = [
    ...Object.entries(hidden.excludedBy).map(([word, count]) => tr.t('topics-hidden-mention', { count, word })),
    ...(hidden.notIncluded > 0 ? [tr.t('topics-hidden-none-of', { count: hidden.notIncluded, words: prefs.include.map((w) => `"${w}"`).join(', ') })] : []),
  ];
  return tr.t('topics-hidden', { stories: tr.t('stories-count', { count: hidden.byTopics }), reasons: reasons.join('; ') });
}

/**
 * A key that is equal for two lists of the same stories in the same order.
 * @example storiesKey(view.page.stories) === storiesKey(lastView.stories.slice(0, n))
 */
export function storiesKey(stories: ReadonlyArray<Pick<Story, 'articleId' | 'title'>>): string {
  return stories.map((s) => `${s.articleId ?? ''}\u0001${s.title}`).join('\u0002');
}
