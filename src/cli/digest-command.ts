/** `keyfigures digest`: fetch, summarize, print and archive a digest now. */
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import { UsageError } from '../domain/errors.js';
import { oneShotDigest } from './one-shot-digest.js';
import { printDigest } from './print-digest.js';
import { openStore } from '../store/open-store.js';
import { runFeedCycle } from '../app/run-feed-cycle.js';
import { previewDigest } from '../app/make-digest.js';
import { archiveDigest } from '../app/archive-digest.js';
import { editionPaths } from '../app/archive-edition.js';
import { digestSettings } from '../main.js';

/** One-shot digest of given feeds, or of the database's feeds. */
export const digestCommand: CliCommand = {
  name: 'digest',
  usage: 'digest [--feed URL_OR_FILE ...] [--json] | digest --preview [--json]',
  summary: 'Fetch, summarize, print and archive a digest now; or --preview the next one from the database.',
  details: [
    '--preview          build the digest from the articles already stored, and print it: no fetching,',
    '                   no archive files, nobody messaged (what the next scheduled digest would hold now)',
    '--feed URL_OR_FILE  a feed URL or a local feed file (repeatable); without it, the database\'s feeds',
    '--json              print the digest as JSON instead of text',
    'Writes DIGESTS_DIR/YYYY-MM-DD.md, .json and the picture card .png. Subscribers are not messaged.',
  ],
  async run(args, { config, logger }) {
    const { values } = parseOptions(args);
    const feeds = values.feed ?? [];
    if (values.preview) {
      if (feeds.length > 0) throw new UsageError('--preview reads the database; it does not take --feed');
      const store = await openStore(config.database);
      try {
        // The bot's rule (currentDigest): the stories of the last DIGEST_WINDOW_HOURS.
        const settings = digestSettings(config);
        const windowStart = new Date(Date.now() - settings.windowHours * 3_600_000);
        const draft = await previewDigest({ store, settings, window: { fetchedSince: windowStart, publishedSince: windowStart } });
        if (draft.stories.length === 0 && !values.json) {
          process.stdout.write('No stories yet for the next digest: nothing new since the last one (run `keyfigures fetch`, or check `keyfigures feeds list`).\n');
        } else printDigest(draft, { json: values.json ?? false, locale: config.language });
        return 0;
      } finally {
        await store.close();
      }
    }
    let digest;
    if (feeds.length > 0) {
      const result = await oneShotDigest(feeds, { config, logger });
      reportFailures(result.report.failed);
      if (result.report.failed.length === feeds.length) return 1;
      digest = result.digest;
    } else {
      const store = await openStore(config.database);
      try {
        if ((await store.listFeeds()).length === 0) {
          throw new UsageError('no feeds yet: add one with `keyfigures feeds add URL`, or pass --feed URL_OR_FILE');
        }
        const report = await runFeedCycle({ store, logger, fetch: config.fetch, topFigures: config.topFigures, fullText: true, allowPrivateFeeds: config.allowPrivateFeeds, series: config.series });
        reportFailures(report.failed);
        digest = await previewDigest({ store, settings: digestSettings(config) });
      } finally {
        await store.close();
      }
    }
    const files = await archiveDigest(config.digestsDir, digest, config.language);
    printDigest(digest, { json: values.json ?? false, locale: config.language });
    process.stderr.write(`Archived: ${editionPaths(files).join(', ')}\n`);
    return 0;
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: { feed: { type: 'string', multiple: true }, json: { type: 'boolean' }, preview: { type: 'boolean' } }, allowPositionals: false });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function reportFailures(failed: Array<{ url: string; error: string }>): void {
  for (const f of failed) process.stderr.write(`⚠ ${f.url}: ${f.error}\n`);
}
