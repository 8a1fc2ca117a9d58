/**
 * Fetch-cycle benchmark: 1,000 feeds served on loopback (20 hosts, 127.0.0.1–127.0.0.20) with
 * 50 ms added latency per response. Runs one cycle (wall time against the sequential estimate
 * 1,000 × 50 ms), an immediate second cycle (feeds parsed: the goal is 0, nothing is due), and a
 * forced third cycle (every feed asked again: conditional GET, so 304s and still 0 parsed).
 *
 * Usage: npm run bench:fetch -- [--feeds 1000] [--latency 50] [--hosts 20] [--concurrency 16] [--per-host 2]
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runFeedCycle, type FeedCycleReport } from '../../src/app/run-feed-cycle.js';
import { createLogger } from '../../src/support/logger.js';

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '50' },
    hosts: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    'per-host': { type: 'string', default: '2' },
  },
});
const FEEDS = Number(values.feeds);
const LATENCY = Number(values.latency);
const HOSTS = Number(values.hosts);
const fetchSettings = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, concurrency: Number(values.concurrency), perHost: Number(values['per-host']) };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let requests = 0;
let notModified = 0;

function feedXml(n: number): string {
  const items = [1, 2, 3].map((i) => `<item><title>Feed ${n} story ${i}: output up ${i * 3}%</title><guid>urn:bench:${n}:${i}</guid>
    <pubDate>${new Date(Date.now() - i * 3_600_000).toUTCString()}</pubDate>
    <description>Factory output rose ${i * 3}% to 1,${n % 1000} tonnes in week ${i}, the ministry said.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${n}</title><link>https://bench.example/${n}</link>${items.join('')}</channel></rss>`;
}

async function startHost(ip: string): Promise<{ server: Server; base: string }> {
  const server = createServer(async (req, res) => {
    requests++;
    await sleep(LATENCY);
    const n = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1]);
    const etag = `"bench-${n}"`;
    if (req.headers['if-none-match'] === etag) {
      notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    const body = feedXml(n);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  return { server, base: `http://${ip}:${(server.address() as AddressInfo).port}` };
}

const hosts = await Promise.all(Array.from({ length: HOSTS }, (_, i) => startHost(`127.0.0.${i + 1}`)));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-fetch-'));
const store = openSqliteStore(path.join(dir, 'bench.db'));
const logger = createLogger({ level: 'silent' });
try {
  for (let n = 0; n < FEEDS; n++) await store.addFeed(`${hosts[n % HOSTS]!.base}/feed/${n}`);
  const run = async (force = false): Promise<{ report: FeedCycleReport; ms: number }> => {
    const t = performance.now();
    const report = await runFeedCycle({ store, logger, fetch: fetchSettings, topFigures: 5, fullText: false, force });
    return { report, ms: Math.round(performance.now() - t) };
  };
  const line = (name: string, r: { report: FeedCycleReport; ms: number }, asked: number) =>
    `${name}: ${r.ms} ms wall; ${r.report.due} due, ${asked} requests, ${r.report.parsed} parsed, ${r.report.notModified} not modified (304), ` +
    `${r.report.failed.length} failed, ${r.report.newArticles} new articles\n`;

  process.stdout.write(`${FEEDS} feeds on ${HOSTS} loopback hosts, ${LATENCY} ms latency; concurrency ${fetchSettings.concurrency}, per host ${fetchSettings.perHost}\n`);
  let before = requests;
  const first = await run();
  process.stdout.write(line('cycle 1', first, requests - before));
  const sequential = FEEDS * LATENCY;
  process.stdout.write(`  sequential estimate ${FEEDS} × ${LATENCY} ms = ${sequential} ms → ${(sequential / first.ms).toFixed(1)}× faster\n`);
  before = requests;
  const second = await run();
  process.stdout.write(line('cycle 2 (immediately after)', second, requests - before));
  before = requests;
  const beforeNotModified = notModified;
  const third = await run(true);
  process.stdout.write(line('cycle 3 (forced: every feed asked again)', third, requests - before));
  process.stdout.write(`  server answered ${notModified - beforeNotModified} × 304\n`);
  process.stdout.write(`feeds parsed on the immediate second cycle: ${second.report.parsed} (goal 0)\n`);
} finally {
  await store.close();
  await Promise.all(hosts.map(({ server }) => new Promise((r) => server.close(r))));
  fs.rmSync(dir, { recursive: true, force: true });
}
