/** `keyfigures demo` (`npm run demo`): the whole pipeline offline on the sample feeds we ship. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import type { CliCommand } from './commands.js';
import { oneShotDigest } from './one-shot-digest.js';
import { printDigest } from './print-digest.js';
import { archiveDigest } from '../app/archive-digest.js';
import { editionPaths } from '../app/archive-edition.js';

/** The sample feeds, beside the source so an installed package finds them. */
export const DEMO_FEEDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'feeds');

/** Offline demo: sample feeds → figures → digest, printed and archived. */
export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--json]',
  summary: 'Run the whole pipeline offline on the bundled sample feeds; print and archive the digest.',
  details: ['--json   print the digest as JSON instead of text', 'Needs no token and no network: the feeds are files in src/demo/feeds/.'],
  async run(args, { config, logger }) {
    const feeds = fs
      .readdirSync(DEMO_FEEDS_DIR)
      .filter((f) => /\.(xml|atom|rss)$/.test(f))
      .sort()
      .map((f) => path.join(DEMO_FEEDS_DIR, f));
    process.stderr.write(`Demo: ${feeds.length} sample feeds from ${path.relative(process.cwd(), DEMO_FEEDS_DIR) || DEMO_FEEDS_DIR}\n`);
    const { digest, report } = await oneShotDigest(feeds, { config, logger });
    for (const f of report.failed) process.stderr.write(`⚠ ${f.url}: ${f.error}\n`);
    const files = await archiveDigest(config.digestsDir, digest, config.language);
    printDigest(digest, { json: args.includes('--json'), locale: config.language });
    process.stderr.write(
      `\n${report.newArticles} articles, ${report.figures} figures kept. Archived: ${editionPaths(files).join(', ')}\n` +
        'Next: put TELEGRAM_BOT_TOKEN in .env and run `npm start` to get this in Telegram.\n',
    );
    return 0;
  },
};
