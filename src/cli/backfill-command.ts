/** `keyfigures backfill --since 7d`: fetch every feed now and store what was published in the period. */
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import { UsageError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { runFeedCycle } from '../app/run-feed-cycle.js';
import { startProgress } from '../support/progress.js';
import { parseSince } from './parse-since.js';

/** Re-fetch every feed, ignoring its schedule, and store items published since a time. */
export const backfillCommand: CliCommand = {
  name: 'backfill',
  usage: 'backfill --since 7d|48h|2w|YYYY-MM-DD [--json]',
  summary: 'Fetch every feed now (schedule ignored) and store its items published within the period.',
  details: [
    '--since PERIOD   how far back: 7d, 48h, 2w, or a date (2026-11-01)',
    '--json           print the summary as JSON',
    'Items a new feed only remembered on its first fetch (older than 24 h) are stored too when in the period;',
    'older and undated items are not. Shows progress per feed. Exit code 1 when every feed failed.',
  ],
  async run(args, { config, logger }) {
    const { values } = parseOptions(args);
    const since = parseSince(values.since);
    const store = await openStore(config.database);
    try {
      const feeds = await store.listFeeds();
      if (feeds.length === 0) throw new UsageError('no feeds yet: add one with `keyfigures feeds add URL`');
      const progress = startProgress('backfill', feeds.length);
      const report = await runFeedCycle({
        store,
        logger,
        fetch: config.fetch,
        topFigures: config.topFigures,
        fullText: true,
        allowPrivateFeeds: config.allowPrivateFeeds,
        series: config.series,
        force: true,
        backfillSince: since,
        onFeedDone: (url) => progress.tick(url),
      });
      const summary = {
        since: since.toISOString(),
        feeds: report.feeds,
        failed: report.failed,
        newArticles: report.newArticles,
        figures: report.figures,
        skipped: report.backlog,
        seconds: Math.round(report.ms / 100) / 10,
      };
      progress.done(`${report.newArticles} new articles`);
      if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        for (const f of report.failed) process.stdout.write(`⚠ ${f.url}: ${f.error}\n`);
        process.stdout.write(
          `Backfill since ${summary.since}: ${report.feeds} feeds (${report.feeds - report.failed.length} ok, ${report.failed.length} failed), ` +
            `${report.newArticles} new articles, ${report.figures} figures, ${report.backlog} older or undated items skipped, ${summary.seconds} s\n`,
        );
      }
      return report.failed.length === report.feeds ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: { since: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: false });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
