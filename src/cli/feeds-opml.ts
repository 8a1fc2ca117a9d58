/** OPML import and export for `keyfigures feeds import|export`: progress per feed, a summary, bad entries reported. */
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { FetchOptions } from '../app/read-feed-source.js';
import { addFeed } from '../app/add-feed.js';
import { importOpmlFeeds } from '../app/import-opml.js';
import type { Progress } from '../support/progress.js';

/** What an import did. */
export interface ImportSummary {
  added: number;
  existing: number;
  failed: number;
}

/**
 * Add every feed of an OPML document; one line per feed to `out`, then a summary line.
 * With `verify`, each feed is fetched and checked (and a site URL turned into its feed) first.
 * With `progress` (a terminal), a bar counts the feeds and `out` gets only failures and the summary.
 * @example await importOpml(store, xml, { verify: true, fetch: config.fetch, logger, out: (l) => process.stdout.write(l) })
 */
export async function importOpml(
  store: Store,
  xml: string,
  opts: { verify: boolean; fetch: FetchOptions; logger: Logger; out: (line: string) => void; progress?: (total: number) => Progress },
): Promise<ImportSummary> {
  let bar: Progress | undefined;
  let total = 0;
  let done = 0;
  const result = await importOpmlFeeds(xml, {
    concurrency: opts.verify ? 4 : 1,
    add: async (entry) =>
      opts.verify
        ? addFeed(store, entry.url, { allowPrivate: true, fetch: opts.fetch, logger: opts.logger })
        : { ...(await store.addFeed(entry.url, { title: entry.title, siteUrl: entry.siteUrl })), discoveredFrom: null },
    onStart: (feeds) => {
      total = feeds;
      bar = opts.progress?.(feeds);
    },
    onOutcome: (o) => {
      if (o.status === 'failed' && o.url === null) return opts.out(`failed: ${o.reason}\n`);
      const n = `[${++done}/${total}]`;
      if (o.status === 'failed') opts.out(`${n} failed: ${o.url} — ${o.reason}\n`);
      else if (!bar) {
        const via = o.discoveredFrom ? ` (discovered from ${o.discoveredFrom})` : '';
        opts.out(`${n} ${o.status === 'added' ? 'added' : 'already there'}: ${o.feed.id}\t${o.feed.url}${via}\n`);
      }
      bar?.tick(o.url ?? '');
    },
  });
  const summary: ImportSummary = { added: result.added, existing: result.existing, failed: result.failures.length };
  bar?.done(`${summary.added} added`);
  opts.out(`${result.entries} entries: ${summary.added} added, ${summary.existing} already there, ${summary.failed} failed\n`);
  return summary;
}

/** The store's feeds as OPML 2.0 (shared with the bot's /admin export). */
export { exportOpml } from '../app/import-opml.js';
