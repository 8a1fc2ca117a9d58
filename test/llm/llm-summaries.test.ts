import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { withLlmSummaries, type LlmSettings } from '../../src/app/llm-summaries.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { summarizeArticle } from '../../src/figures/summarize.js';
import { createLogger } from '../../src/support/logger.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { checkNumbers } from '../../src/llm/number-check.js';
import type { Digest } from '../../src/domain/types.js';

const API_KEY = 'sk-test-0123456789abcdefSECRET';
const TEXT = 'Acme Corp lost $4bn in 2024, its first annual loss in three years, the company said on Monday.\n\nAcme cut 1,200 jobs and closed two plants. Its shares fell 12%.';
const FAITHFUL = 'Acme Corp lost $4bn in 2024, its first annual loss in three years, and cut 1,200 jobs.';

type Mode = 'good' | 'invent' | 'unit' | 'timeout' | '429' | 'garbage';
let mode: Mode = 'good';
const seen: Array<{ auth: string | undefined; body: string }> = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body });
      const answer = (content: string) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }], usage: { prompt_tokens: 90, completion_tokens: 30 } }));
      };
      if (mode === 'good') return answer(FAITHFUL);
      if (mode === 'invent') return answer('Acme Corp lost $4bn in 2024 and cut 3,000 jobs.');
      if (mode === 'unit') return answer('Acme Corp lost $4m in 2024 and cut 1,200 jobs.');
      if (mode === '429') {
        res.writeHead(429, { 'retry-after': '120', 'content-type': 'application/json' });
        return res.end('{"error":{"message":"rate limited"}}');
      }
      if (mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>upstream exploded</html>');
      }
      // timeout: never answer; the client gives up.
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let store: SqliteStore;
let logs: string[];
let digest: Digest;
beforeEach(async () => {
  store = openSqliteStore(':memory:');
  logs = [];
  seen.length = 0;
  const s = summarizeArticle({ title: 'Acme posts first loss in three years', text: TEXT });
  const article = await store.saveArticle({ feedId: null, key: 'acme', link: 'https://news.example/acme', title: 'Acme posts first loss in three years', source: 'Demo Business Wire', publishedAt: new Date('2025-03-03T08:00:00Z'), fetchedAt: new Date('2025-03-03T08:00:00Z'), text: s.text, summary: s.summary, figures: s.figures });
  digest = buildDigest([article!], { date: '2025-03-03', timezone: 'UTC', createdAt: new Date('2025-03-03T09:00:00Z') });
});
afterEach(async () => store.close());

function settings(over: Partial<LlmSettings> = {}): LlmSettings {
  return { baseUrl, apiKey: API_KEY, model: 'test-model', maxTokensPerDay: 10_000, timeoutMs: 3_000, deadlineMs: 6_000, ...over };
}

async function run(m: Mode, over: Partial<LlmSettings> = {}) {
  mode = m;
  const metrics = createMetrics({ defaultMetrics: false });
  const logger = createLogger({ level: 'info', pretty: false, secrets: [API_KEY], sink: { write: (l) => void logs.push(l) } });
  const started = Date.now();
  const result = await withLlmSummaries(digest, { store, logger, settings: settings(over), timezone: 'UTC', metrics });
  return { ...result, ms: Date.now() - started, metricsText: await metrics.registry.metrics() };
}

describe('LLM summaries behind the number check (loopback fake LLM server)', () => {
  const extractive = () => digest.stories[0]!.summary;

  it('shows a faithful summary, counts its tokens, sends the key only in the Authorization header', async () => {
    const { digest: out, report, metricsText } = await run('good');
    expect(out.stories[0]!.summary).toBe(FAITHFUL);
    expect(report).toMatchObject({ accepted: 1, rejected: 0, failed: 0, tokens: 120 });
    expect(seen[0]!.auth).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(seen[0]!.body).model).toBe('test-model');
    expect(metricsText).toMatch(/keyfigures_llm_summaries_total\{outcome="accepted"\} 1/);
    expect(metricsText).toMatch(/keyfigures_llm_tokens_total 120/);
    expect(await store.llmUsage(new Date().toISOString().slice(0, 10))).toMatchObject({ accepted: 1, promptTokens: 90, completionTokens: 30 });
    // A second edition uses the kept summary without asking again.
    const again = await run('garbage');
    expect(again.digest.stories[0]!.summary).toBe(FAITHFUL);
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['invent', 'a number the sources do not have (3,000 jobs)'],
    ['unit', 'a changed unit ($4m for $4bn)'],
  ] as const)('rejects a summary with %s: %s, keeps the extractive one and counts the rejection', async (m, _why) => {
    const { digest: out, report, metricsText } = await run(m);
    expect(out.stories[0]!.summary).toBe(extractive());
    expect(report).toMatchObject({ accepted: 0, rejected: 1 });
    expect(metricsText).toMatch(/keyfigures_llm_summaries_total\{outcome="rejected"\} 1/);
    expect((await store.llmUsageTotal()).rejected).toBe(1);
  });

  it.each([
    ['timeout', 'timeout'],
    ['429', 'rate_limited'],
    ['garbage', 'malformed'],
  ] as const)('falls back when the server %s, within the deadline', async (m, outcome) => {
    const { digest: out, report, ms, metricsText } = await run(m, { timeoutMs: 300 });
    expect(out.stories[0]!.summary).toBe(extractive());
    expect(report).toMatchObject({ accepted: 0, failed: 1 });
    expect(metricsText).toContain(`keyfigures_llm_summaries_total{outcome="${outcome}"} 1`);
    // A 429 asking for 120 s is not waited for: the edition's deadline is 6 s.
    expect(ms).toBeLessThan(6_000);
  });

  it('falls back when the endpoint is unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const { digest: out, metricsText } = await run('good', { baseUrl: `http://127.0.0.1:${port}/v1` });
    expect(out.stories[0]!.summary).toBe(extractive());
    expect(metricsText).toContain('keyfigures_llm_summaries_total{outcome="unreachable"} 1');
  });

  it('asks nothing once the day’s token cap is reached', async () => {
    const { digest: out, metricsText } = await run('good', { maxTokensPerDay: 50 });
    expect(out.stories[0]!.summary).toBe(extractive());
    expect(seen).toHaveLength(0);
    expect(metricsText).toContain('keyfigures_llm_summaries_total{outcome="budget"} 1');
  });

  it('never writes the API key to the logs', async () => {
    await run('unit');
    await run('timeout', { timeoutMs: 300 });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(API_KEY);
  });
});

describe('checkNumbers', () => {
  const source = 'The firm lost $4bn (£3.2bn) in 2024. Ukraine brought home 303 prisoners in a 1,000-for-1,000 exchange. Inflation rose to 3.1%. Profits were $4.52bn. It took three years.';
  it.each([
    ['The firm lost $4bn in 2024.', true],
    ['The firm lost four billion dollars.', true],
    ['The firm lost $4m.', false],
    ['The firm lost £4bn.', false],
    ['Ukraine brought home 303 prisoners in an exchange of 1,000 each.', true],
    ['Ukraine brought home 304 prisoners.', false],
    ['Inflation rose to 3.1%.', true],
    ['Inflation rose to 3.1 points.', false],
    ['Profits were $4.5bn.', true],
    ['Profits were $5bn.', false],
    ['In 2023 the firm lost money.', false],
    ['It took three years.', true],
    ['It took four years.', false],
  ])('%s → %s', (generated, ok) => {
    expect(checkNumbers(generated, [source]).ok).toBe(ok);
  });

  it('reads pence and pounds as one price: a summary may write 79p as £0.79, never as £79', () => {
    const shares = 'Shares closed at 79p.';
    expect(checkNumbers('Shares closed at 79p.', [shares]).ok).toBe(true);
    expect(checkNumbers('Shares closed at 79 pence.', [shares]).ok).toBe(true);
    expect(checkNumbers('Shares closed at £0.79.', [shares]).ok).toBe(true);
    expect(checkNumbers('Shares closed at £79.', [shares]).ok).toBe(false);
  });
});
