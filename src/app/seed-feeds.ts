/** The FEEDS variable seeds the database's feed list; feeds are managed in the database after. */
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';

/**
 * Add each seed feed that is not stored yet; returns how many were added.
 * @example await seedFeeds(store, ['https://example.com/rss'], logger)
 */
export async function seedFeeds(store: Store, urls: readonly string[], logger: Logger): Promise<number> {
  let added = 0;
  for (const url of urls) {
    if ((await store.addFeed(url)).created) added++;
  }
  if (added > 0) logger.info({ added }, 'feeds seeded from FEEDS');
  return added;
}
