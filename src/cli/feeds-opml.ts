/** OPML import and export for `keyfigures feeds import|export`: progress per feed, a summary, bad entries reported. */
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { FetchOptions } from '../app/read-feed-source.js';
import { addFeed } from '../app/add-feed.js';
import { parseOpml, renderOpml } from '../pipeline/opml.js';
import { mapLimit } from '../support/map-limit.js';
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
  const { feeds, problems } = parseOpml(xml);
  const bar = opts.progress?.(feeds.length);
  const summary: ImportSummary = { added: 0, existing: 0, failed: problems.length };
  for (const problem of problems) opts.out(`failed: ${problem}\n`);
  let done = 0;
  await mapLimit(feeds, opts.verify ? 4 : 1, async (entry) => {
    const n = () => `[${++done}/${feeds.length}]`;
    try {
      const { feed, created, discoveredFrom } = opts.verify
        ? await addFeed(store, entry.url, { allowPrivate: true, fetch: opts.fetch, logger: opts.logger })
        : { ...(await store.addFeed(entry.url, { title: entry.title, siteUrl: entry.siteUrl })), discoveredFrom: null };
      if (created) summary.added++;
      else summary.existing++;
      const via = discoveredFrom ? ` (discovered from ${discoveredFrom})` : '';
      const line = `${n()} ${created ? 'added' : 'already there'}: ${feed.id}\t${feed.url}${via}\n`;
      if (!bar) opts.out(line);
    } catch (err) {
      summary.failed++;
      opts.out(`${n()} failed: ${entry.url} — ${(err as Error).message}\n`);
    }
    bar?.tick(entry.url);
  });
  bar?.done(`${summary.added} added`);
  opts.out(`${feeds.length + problems.length} entries: ${summary.added} added, ${summary.existing} already there, ${summary.failed} failed\n`);
  return summary;
}

/**
 * The store's feeds as an OPML 2.0 document.
 * @example fs.writeFileSync('feeds.opml', await exportOpml(store))
 */
export async function exportOpml(store: Store, now: Date = new Date()): Promise<string> {
  const feeds = await store.listFeeds();
  return renderOpml(
    feeds.map((f) => ({ url: f.url, title: f.title, siteUrl: f.siteUrl })),
    { title: 'KeyFigures feeds', now },
  );
}
