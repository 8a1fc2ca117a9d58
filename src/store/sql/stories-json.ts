/** Stories kept as JSON (an edition's, a chat's last view): times stored as ISO text, read back as Dates. */
import type { Story } from '../../domain/types.js';
import { toDateOrNull } from './dialect.js';

/**
 * The stories of a `stories_json` column, each `publishedAt` a Date again (JSON keeps it as ISO text).
 * @example storiesFromJson(row.stories_json)[0].publishedAt // Date or null
 */
export function storiesFromJson(json: string): Story[] {
  return (JSON.parse(json) as Story[]).map((story) => ({ ...story, publishedAt: toDateOrNull(story.publishedAt) }));
}
