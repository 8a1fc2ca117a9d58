/**
 * OPML in and out for every front end (the `keyfigures feeds` CLI, the bot's /admin export and
 * OPML upload): parse, add each feed through a caller-given `add`, report each entry's outcome.
 */
import type { Feed } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { parseOpml, renderOpml, type OpmlFeed } from '../feeds/opml.js';
import { mapLimit } from '../support/map-limit.js';

/** What happened to one OPML entry; `url` is null for an outline that had no usable URL. */
export type OpmlOutcome =
  | { status: 'added' | 'existing'; url: string; feed: Feed; discoveredFrom: string | null }
  | { status: 'failed'; url: string | null; reason: string };

/** What an import did, with every failure and its reason. */
export interface OpmlImportResult {
  /** Entries in the file: feeds plus unusable outlines. */
  entries: number;
  added: number;
  existing: number;
  failures: Array<{ url: string | null; reason: string }>;
}

/**
 * Add every feed of an OPML document with `add`, at most `concurrency` at once; unusable outlines
 * are reported first, then each feed as it finishes. Throws when the text is not OPML.
 * @example await importOpmlFeeds(xml, { add: (e) => deps.addFeed(e.url, { allowPrivate: true }), concurrency: 4 })
 */
export async function importOpmlFeeds(
  xml: string,
  opts: {
    add: (entry: OpmlFeed) => Promise<{ feed: Feed; created: boolean; discoveredFrom: string | null }>;
    concurrency: number;
    /** Called once the feeds are counted, before any is added. */
    onStart?: (feeds: number) => void;
    onOutcome?: (outcome: OpmlOutcome) => void;
  },
): Promise<OpmlImportResult> {
  const { feeds, problems } = parseOpml(xml);
  opts.onStart?.(feeds.length);
  const result: OpmlImportResult = { entries: feeds.length + problems.length, added: 0, existing: 0, failures: [] };
  const report = (outcome: OpmlOutcome): void => {
    if (outcome.status === 'failed') result.failures.push({ url: outcome.url, reason: outcome.reason });
    else if (outcome.status === 'added') result.added++;
    else result.existing++;
    opts.onOutcome?.(outcome);
  };
  for (const problem of problems) report({ status: 'failed', url: null, reason: problem });
  await mapLimit(feeds, opts.concurrency, async (entry) => {
    try {
      const { feed, created, discoveredFrom } = await opts.add(entry);
      report({ status: created ? 'added' : 'existing', url: entry.url, feed, discoveredFrom });
    } catch (err) {
      report({ status: 'failed', url: entry.url, reason: (err as Error).message });
    }
  });
  return result;
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
