/** `keyfigures feeds add|list|remove`: the feed list lives in the database. */
import type { CliCommand } from './commands.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { UsageError } from '../domain/errors.js';
import { isUrl } from '../app/read-feed-source.js';

/** Manage the database's feeds. */
export const feedsCommand: CliCommand = {
  name: 'feeds',
  usage: 'feeds add URL... | list [--json] | remove URL_OR_ID...',
  summary: 'Add, list or remove the feeds the bot fetches.',
  async run(args, { config }) {
    const [action, ...rest] = args;
    if (!action || !['add', 'list', 'remove'].includes(action)) throw new UsageError('say add, list or remove');
    const store = openSqliteStore(config.databasePath);
    try {
      if (action === 'list') {
        const feeds = await store.listFeeds();
        if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(feeds, null, 2)}\n`);
        else if (feeds.length === 0) process.stdout.write('No feeds yet. Add one: keyfigures feeds add URL\n');
        else for (const f of feeds) process.stdout.write(`${f.id}\t${f.url}\t${f.title ?? ''}\t${health(f)}\n`);
        return 0;
      }
      if (rest.length === 0) throw new UsageError(`feeds ${action} needs at least one ${action === 'add' ? 'URL' : 'URL or id'}`);
      if (action === 'add') {
        for (const url of rest) {
          if (!isUrl(url)) throw new UsageError(`"${url}" is not an http(s) URL`);
          const { feed, created } = await store.addFeed(url);
          process.stdout.write(`${created ? 'added' : 'already there'}: ${feed.id}\t${feed.url}\n`);
        }
        return 0;
      }
      let missing = 0;
      for (const target of rest) {
        const removed = await store.removeFeed(/^\d+$/.test(target) ? Number(target) : target);
        process.stdout.write(`${removed ? 'removed' : 'not found'}: ${target}\n`);
        if (!removed) missing++;
      }
      return missing > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

function health(f: { lastFetchedAt: string | null; lastError: string | null; errorCount: number }): string {
  if (f.lastError) return `⚠ ${f.errorCount} error(s): ${f.lastError}`;
  return f.lastFetchedAt ? `ok ${f.lastFetchedAt}` : 'not fetched yet';
}
