/**
 * Evidence for feed parsing: every file of a folder through decodeBody + parseFeed, one line per
 * file (ok + item count, or the error) and totals. A crash is any error that is not a FetchError;
 * zero crashes is the bar (exit code 1 otherwise).
 *
 * Usage: npm run eval:feeds -- [dir]   (default ../shared/corpus/feeds)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBody } from '../feeds/decode-body.js';
import { parseFeed } from '../feeds/parse-feed.js';
import { FetchError } from '../domain/errors.js';

/** Totals of one run. */
export interface FeedEvalTotals {
  files: number;
  ok: number;
  errors: number;
  crashes: number;
  items: number;
  ms: number;
}

/**
 * Parse every file of `dir`, writing one line per file to `out`; returns the totals.
 * @example const totals = await evalFeeds('../shared/corpus/feeds', (l) => process.stdout.write(l))
 */
export async function evalFeeds(dir: string, out: (line: string) => void): Promise<FeedEvalTotals> {
  const files = fs.readdirSync(dir).filter((f) => !/^readme/i.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort();
  const totals: FeedEvalTotals = { files: files.length, ok: 0, errors: 0, crashes: 0, items: 0, ms: 0 };
  const started = performance.now();
  for (const file of files) {
    const t = performance.now();
    try {
      const feed = await parseFeed(decodeBody(fs.readFileSync(path.join(dir, file)), null));
      totals.ok++;
      totals.items += feed.items.length;
      const dated = feed.items.filter((i) => i.publishedAt).length;
      out(`ok     ${String(feed.items.length).padStart(5)} items (${dated} dated) ${ms(t)}  ${file}  "${(feed.title ?? '').slice(0, 40)}"\n`);
    } catch (err) {
      if (err instanceof FetchError) {
        totals.errors++;
        out(`error  ${err.code}: ${err.message.slice(0, 140)}  ${file}\n`);
      } else {
        totals.crashes++;
        out(`CRASH  ${(err as Error).stack?.split('\n').slice(0, 2).join(' ') ?? String(err)}  ${file}\n`);
      }
    }
  }
  totals.ms = Math.round(performance.now() - started);
  return totals;
}

function ms(t: number): string {
  return `${Math.round(performance.now() - t)} ms`.padStart(7);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? path.join(here, '../../../shared/corpus/feeds'));
  if (!fs.existsSync(dir)) {
    process.stderr.write(`eval:feeds: no folder at ${dir} — give one: npm run eval:feeds -- DIR\n`);
    process.exit(2);
  }
  const totals = await evalFeeds(dir, (line) => process.stdout.write(line));
  process.stdout.write(
    `\n${totals.files} files: ${totals.ok} parsed (${totals.items} items), ${totals.errors} clear errors, ${totals.crashes} crashes, ${totals.ms} ms\n`,
  );
  process.exitCode = totals.crashes > 0 ? 1 : 0;
}
