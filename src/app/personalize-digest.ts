/** One chat's view of a digest: only the feeds and topics it asked for. Pure. */
import type { Digest, Story } from '../domain/types.js';
import type { ChatPreferences } from '../store/preference-store.js';

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
  const needle = normalizeForMatch(phrase);
  return needle.trim() !== '' && normalized.includes(needle);
}

/** What a topic is matched against: title, summary, and each figure's label and sentence. */
export function storyMatchText(story: Pick<Story, 'title' | 'summary' | 'figures'>): string {
  return normalizeForMatch([story.title, story.summary, ...story.figures.flatMap((f) => [f.label, f.sentence])].join(' \n '));
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
}

/**
 * The one rule for a chat's digest, used by /digest and by the scheduled digest alike: from every
 * ranked candidate story, keep those of the chat's feeds and topics, then cut to the story limit.
 * Filtering first means a chat's topics never leave it with fewer stories than exist.
 * @example chatDigestView(allStories, await store.getPreferences(chatId), 10).page
 */
export function chatDigestView(candidates: Digest, prefs: ChatPreferences, maxStories: number): ChatDigestView {
  const all = personalizeDigest(candidates, prefs).stories;
  return { page: { ...candidates, stories: all.slice(0, maxStories) }, all, more: all.length > maxStories };
}

/**
 * A key that is equal for two lists of the same stories in the same order.
 * @example storiesKey(view.page.stories) === storiesKey(lastView.stories.slice(0, n))
 */
export function storiesKey(stories: ReadonlyArray<Pick<Story, 'articleId' | 'title'>>): string {
  return stories.map((s) => `${s.articleId ?? ''}\u0001${s.title}`).join('\u0002');
}
