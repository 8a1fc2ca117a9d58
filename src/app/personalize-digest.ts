/** One chat's view of a digest: only the feeds and topics it asked for. Pure. */
import type { Digest } from '../domain/types.js';
import type { ChatPreferences } from '../store/preference-store.js';

/**
 * The digest filtered by the chat's preferences, stories renumbered from 1.
 * @example personalizeDigest(digest, { feedIds: [2], include: ['ukraine'], exclude: [] })
 */
export function personalizeDigest(digest: Digest, prefs: ChatPreferences): Digest {
  const stories = digest.stories.filter((story) => prefs.feedIds === null || (story.feedId != null && prefs.feedIds.includes(story.feedId)));
  return { ...digest, stories: stories.map((story, i) => ({ ...story, number: i + 1 })) };
}
