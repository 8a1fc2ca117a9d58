/**
 * A digest made in one go from given feeds (URLs or files), in a throwaway in-memory store:
 * what `keyfigures digest --feed …` and `npm run demo` do. Nothing touches the bot's database.
 */
import type { Config } from '../config.js';
import type { Logger } from '../support/logger.js';
import type { Digest } from '../domain/types.js';
import { openStore } from '../store/open-store.js';
import { runFeedCycle, type FeedCycleReport } from '../app/run-feed-cycle.js';
import { previewDigest, WHOLE_HISTORY } from '../app/make-digest.js';
import { digestSettings } from '../main.js';

/**
 * Fetch the feeds, summarize every item, and build the digest.
 * @example const { digest } = await oneShotDigest(['src/demo/feeds/world.xml'], { config, logger })
 */
export async function oneShotDigest(
  sources: string[],
  ctx: { config: Config; logger: Logger },
): Promise<{ digest: Digest; report: FeedCycleReport }> {
  const store = await openStore({ kind: 'sqlite', path: ':memory:' });
  try {
    for (const source of sources) await store.addFeed(source);
    const report = await runFeedCycle({
      store,
      logger: ctx.logger,
      fetch: ctx.config.fetch,
      topFigures: ctx.config.topFigures,
      fullText: true,
      // A one-shot digest of given feeds takes their whole history, not only the last day.
      backlogHours: null,
    });
    const digest = await previewDigest({ store, settings: digestSettings(ctx.config), window: WHOLE_HISTORY });
    return { digest, report };
  } finally {
    await store.close();
  }
}
