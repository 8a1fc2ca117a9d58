/** `keyfigures feeds add|list|remove|import|export`: the feed list lives in the database. */
import fs from 'node:fs/promises';
import type { CliCommand } from './commands.js';
import type { Feed } from '../domain/types.js';
import { openStore } from '../store/open-store.js';
import { FetchError, UsageError } from '../domain/errors.js';
import { addFeed } from '../app/add-feed.js';
import { exportOpml, importOpml } from './feeds-opml.js';
import { startProgress } from '../support/progress.js';

const ACTIONS = ['add', 'list', 'remove', 'import', 'export'];

/** Manage the database's feeds. */
export const feedsCommand: CliCommand = {
  name: 'feeds',
  usage: 'feeds add URL... [--no-verify] | list [--json] | remove URL_OR_ID... | import FILE.opml [--no-verify] | export [FILE]',
  summary: 'Add, list, remove, import or export the feeds the bot fetches.',
  details: [
    'add URL...         fetch each URL, find the feed when it is a web page (<link rel="alternate">), check it parses, store it',
    '--no-verify        store the URLs as given, without fetching (offline)',
    'list [--json]      each feed with its status, error count, last error and next check',
    'import FILE.opml   add every feed of an OPML file; one line per feed (a progress bar on a terminal), then a summary',
    'export [FILE]      write the feed list as OPML 2.0 (to stdout without FILE)',
    'Exit code 1 when a feed could not be added or removed.',
  ],
  async run(args, { config, logger }) {
    const [action, ...rest] = args;
    if (!action || !ACTIONS.includes(action)) throw new UsageError('say add, list, remove, import or export');
    const verify = !rest.includes('--no-verify');
    const targets = rest.filter((a) => !a.startsWith('--'));
    const out = (line: string) => void process.stdout.write(line);
    // Listing and exporting only read: they work on a read-only database and write nothing.
    const store = await openStore(config.database, { readOnly: action === 'list' || action === 'export' });
    try {
      if (action === 'list') {
        const feeds = await store.listFeeds();
        if (rest.includes('--json')) out(`${JSON.stringify(feeds, null, 2)}\n`);
        else if (feeds.length === 0) out('No feeds yet. Add one: keyfigures feeds add URL\n');
        else for (const f of feeds) out(describeFeed(f, new Date()));
        return 0;
      }
      if (action === 'export') {
        const opml = await exportOpml(store);
        if (targets[0]) {
          await fs.writeFile(targets[0], opml);
          out(`exported ${(await store.listFeeds()).length} feeds to ${targets[0]}\n`);
        } else out(opml);
        return 0;
      }
      if (action === 'import') {
        if (!targets[0]) throw new UsageError('feeds import needs an OPML file');
        const xml = await fs.readFile(targets[0], 'utf8').catch((err: Error) => {
          throw new UsageError(`cannot read ${targets[0]}: ${err.message}`);
        });
        let summary;
        try {
          // On a terminal a progress bar (counts, ETA) replaces the line per added feed.
          const progress = process.stderr.isTTY ? (total: number) => startProgress('import', total) : undefined;
          summary = await importOpml(store, xml, { verify, fetch: config.fetch, logger, out, ...(progress ? { progress } : {}) });
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        return summary.failed > 0 ? 1 : 0;
      }
      if (targets.length === 0) throw new UsageError(`feeds ${action} needs at least one ${action === 'add' ? 'URL' : 'URL or id'}`);
      if (action === 'add') {
        let failed = 0;
        for (const input of targets) {
          try {
            const { feed, created, discoveredFrom } = verify
              ? await addFeed(store, input, { allowPrivate: true, fetch: config.fetch, logger })
              : { ...(await store.addFeed(checkedUrl(input))), discoveredFrom: null };
            const via = discoveredFrom ? ` (discovered from ${discoveredFrom})` : '';
            out(`${created ? 'added' : 'already there'}: ${feed.id}\t${feed.url}${feed.title ? `\t${feed.title}` : ''}${via}\n`);
          } catch (err) {
            if (err instanceof FetchError && err.code === 'bad_url') throw new UsageError(`"${input}" is not an http(s) URL`);
            failed++;
            out(`failed: ${input} — ${(err as Error).message}\n`);
          }
        }
        return failed > 0 ? 1 : 0;
      }
      let missing = 0;
      for (const target of targets) {
        const removed = await store.removeFeed(/^\d+$/.test(target) ? Number(target) : target);
        out(`${removed ? 'removed' : 'not found'}: ${target}\n`);
        if (!removed) missing++;
      }
      return missing > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

function checkedUrl(input: string): string {
  if (!/^https?:\/\/[^\s/]+\S*$/i.test(input.trim())) throw new FetchError('bad_url', `not an http(s) URL: ${input}`, { url: input });
  return input.trim();
}

/**
 * One feed for `feeds list`: id, status, next check, URL and title; the last error on a second line.
 * @example describeFeed(feed, new Date()) // "3\t⚠ 2 errors since 2026-11-24 07:00Z\tnext 08:00Z\thttps://…\n    last error: fetch: 503 …\n"
 */
export function describeFeed(f: Feed, now: Date): string {
  const status = f.lastError
    ? `⚠ ${f.errorCount} error${f.errorCount === 1 ? '' : 's'} since ${short(f.lastErrorAt ?? f.lastFetchedAt)}`
    : f.lastSuccessAt
      ? `ok ${short(f.lastSuccessAt)}`
      : 'new';
  const next = !f.nextCheckAt || f.nextCheckAt <= now ? 'due now' : `next ${short(f.nextCheckAt)}`;
  const line = [f.id, status, next, f.url, f.title ?? ''].join('\t');
  return f.lastError ? `${line}\n    last error: ${f.lastError}\n` : `${line}\n`;
}

function short(at: Date | null): string {
  return at ? `${at.toISOString().slice(0, 16).replace('T', ' ')}Z` : '?';
}
