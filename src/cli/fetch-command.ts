/** `keyfigures fetch`: one fetch cycle over the database's feeds, then exit. */
import type { CliCommand } from './commands.js';
import { openStore } from '../store/open-store.js';
import { runFeedCycle } from '../app/run-feed-cycle.js';
import { UsageError } from '../domain/errors.js';

/** Fetch every feed once and store new articles with their figures. */
export const fetchCommand: CliCommand = {
  name: 'fetch',
  usage: 'fetch',
  summary: 'Fetch every feed once now and store new articles; then exit.',
  details: ['Exit code 1 when every feed failed.'],
  async run(_args, { config, logger }) {
    const store = await openStore(config.database);
    try {
      const feeds = await store.listFeeds();
      if (feeds.length === 0) throw new UsageError('no feeds yet: add one with `keyfigures feeds add URL`');
      // "Fetch now" means every feed, due or not (conditional GET keeps unchanged ones cheap).
      const report = await runFeedCycle({ store, logger, fetch: config.fetch, topFigures: config.topFigures, fullText: true, force: true, allowPrivateFeeds: config.allowPrivateFeeds, series: config.series });
      for (const f of report.failed) process.stdout.write(`⚠ ${f.url}: ${f.error}\n`);
      process.stdout.write(
        `${report.feeds} feeds (${report.feeds - report.failed.length} ok, ${report.failed.length} failed), ` +
          `${report.newArticles} new articles, ${report.figures} figures, ${(report.ms / 1000).toFixed(1)} s\n`,
      );
      return report.failed.length === report.feeds ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
