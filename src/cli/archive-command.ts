/** `keyfigures archive list|rebuild`: the digests/ folder — what it holds, and regenerating it from the database. */
import type { CliCommand } from './commands.js';
import { UsageError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { listArchive } from '../app/archive-index.js';
import { rebuildArchive } from '../app/rebuild-archive.js';
import { startProgress } from '../support/progress.js';
import { formatTable } from './format-table.js';

/** List the archived editions, or rebuild every file and index.md from the stored digests. */
export const archiveCommand: CliCommand = {
  name: 'archive',
  usage: 'archive list [--json] | rebuild',
  summary: 'The digest archive (DIGESTS_DIR): list its editions, or rebuild every file and index.md from the database.',
  details: [
    'list       one line per edition, newest first: date, stories, figures, file (--json for scripts)',
    'rebuild    rewrite every YYYY-MM-DD.md and .json, and index.md, from the digests stored in the database',
    '           (a date with several editions keeps its last, as when archived); shows progress',
  ],
  async run(args, { config }) {
    const [action, ...rest] = args;
    const unknown = rest.filter((a) => a !== '--json');
    if (unknown.length > 0) throw new UsageError(`unexpected ${unknown.join(' ')}`);
    if (action === 'list') {
      const entries = await listArchive(config.digestsDir);
      if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else if (entries.length === 0) process.stdout.write(`No editions in ${config.digestsDir} yet: they appear after a digest is built (\`keyfigures digest\`, or the bot at digest time).\n`);
      else process.stdout.write(formatTable(['date', 'stories', 'figures', 'file'], entries.map((e) => [e.date, e.stories, e.figures, e.file])));
      return 0;
    }
    if (action === 'rebuild') {
      if (rest.length > 0) throw new UsageError('rebuild takes no options');
      const store = await openStore(config.database);
      try {
        const total = new Set((await store.listDigests()).map((d) => d.date)).size;
        const progress = startProgress('rebuild', total);
        const report = await rebuildArchive(store, config.digestsDir, (date) => progress.tick(date), config.language);
        progress.done(`${report.editions} edition(s) from ${report.stored} stored digest(s)`);
        process.stdout.write(`Rebuilt ${report.editions} edition(s) in ${config.digestsDir} and ${report.index}\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
    throw new UsageError('say list or rebuild');
  },
};
