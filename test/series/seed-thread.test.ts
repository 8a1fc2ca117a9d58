import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { DEFAULT_SERIES_SETTINGS, recordSeries, withSeriesChanges } from '../../src/app/record-series.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { renderTelegram } from '../../src/render/render-telegram.js';
import { parseConfig } from '../../src/config.js';
import type { Article } from '../../src/domain/types.js';
import { asNewArticle, seedThreadArticle, threadArticles, SEED_PATH } from './series-support.js';
import { createBotDeps } from '../../src/bot/bot-deps.js';
import { chatDigest } from '../../src/bot/chat-digest.js';
import { createLogger } from '../../src/support/logger.js';
import { localDate } from '../../src/jobs/time-zone.js';

// The settings production runs with when SERIES_* are not set: the seed's total must show at them.
const settings = { ...DEFAULT_SERIES_SETTINGS, ...parseConfig({}).series };
// A more permissive matcher (the default until 2026-12-02): unrelated stories must not link even at
// it, and the "was 2.8% in October" wording is shown at it — that CPI link scores 0.75, below the
// default 0.85 chosen on independently annotated pairs (see README, "Figures over time").
const permissive = { ...DEFAULT_SERIES_SETTINGS, minConfidence: 0.6 };
let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-series-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ingest(ids: string[], extra: Array<ReturnType<typeof seedThreadArticle>> = []): Promise<Article[]> {
  const threads = threadArticles();
  const saved: Article[] = [];
  for (const a of [...ids.map((id) => threads.get(id)!), ...extra]) {
    const article = await store.saveArticle(asNewArticle(a!));
    await recordSeries(store, article!, settings);
    saved.push(article!);
  }
  return saved;
}

const seed = seedThreadArticle();

describe.skipIf(seed === null)('the seed story with the exchange’s earlier phases', () => {
  it('shows the running total and the change, each traceable to its sentence', async () => {
    const [, , seedArticle] = await ingest(['pow-phase-1', 'pow-phase-2'], [seed]);
    const [withChanges] = await withSeriesChanges(store, [seedArticle!], settings, 'Europe/Kyiv');
    const f303 = withChanges!.figures.find((f) => f.text === '303')!;
    expect(f303.change).toBe('total 1,000 since 23 May (+303 since 24 May)');
    // "a 1,000-for-1,000 exchange" named in every phase is the whole restated: no "total 3,000".
    expect(withChanges!.figures.filter((f) => f.change?.startsWith('total')).map((f) => f.text)).toEqual(['303']);

    // Every point of the total is a figure with the sentence it came from.
    const [point] = (await store.seriesPointsOfArticles([seedArticle!.id])).filter((p) => p.figure.text === '303');
    const series = await store.seriesPoints([point!.seriesId]);
    expect(series.map((p) => [p.figure.text, p.article.title.slice(0, 24)])).toEqual([
      ['390', 'Ukraine and Russia swap '],
      ['307', 'Ukraine brings home 307 '],
      ['303', seedArticle!.title.slice(0, 24)],
    ]);
    for (const p of series) expect(p.figure.sentence).toContain(p.figure.text);
    expect(series[2]!.figure.sentence).toMatch(/brought home 303 prisoners of war in the final phase/);

    // The digest line carries it.
    const digest = buildDigest([withChanges!], { date: '2025-05-26', timezone: 'Europe/Kyiv', createdAt: new Date('2025-05-26T08:00:00Z') });
    // The label's wording is the figures engine's; the change after it is ours.
    expect(renderTelegram(digest).join('\n')).toMatch(/<b>303<\/b> prisoners of war brought home[^\n—]* — total 1,000 since 23 May \(\+303 since 24 May\)/);
  });

  it('reaches a chat’s /digest and /figures: the window ranked once for every zone, the change worded in the chat’s', async () => {
    const [, , seedArticle] = await ingest(['pow-phase-1', 'pow-phase-2'], [seed]);
    const config = parseConfig({ TIMEZONE: 'Europe/Kyiv' });
    const digestSettings = { timezone: 'Europe/Kyiv', maxStories: 10, topFigures: config.topFigures, windowHours: 24, digestsDir: dir, series: settings };
    const deps = { ...createBotDeps({ config, store, logger: createLogger({ level: 'silent' }), settings: digestSettings }), now: () => new Date(seedArticle!.fetchedAt.getTime() + 3_600_000) };
    let reads = 0;
    const read = store.articlesForDigest.bind(store);
    const counted = { ...store, articlesForDigest: (...args: Parameters<typeof read>) => (reads++, read(...args)) };
    const everything = { fetchedSince: null, publishedSince: null };
    const kyiv = await chatDigest({ ...deps, store: counted }, 1, null, everything);
    const f303 = kyiv.all.flatMap((s) => s.figures).find((f) => f.text === '303');
    expect(f303?.change).toBe('total 1,000 since 23 May (+303 since 24 May)');
    expect(kyiv.page.timezone).toBe('Europe/Kyiv');
    // Another zone: its own date and zone, the same ranking (read once).
    const other = await chatDigest({ ...deps, store: counted }, 2, { timezone: 'Pacific/Kiritimati' } as never, everything);
    expect(other.page.timezone).toBe('Pacific/Kiritimati');
    expect([kyiv.page.date, other.page.date]).toEqual([localDate(deps.now(), 'Europe/Kyiv'), localDate(deps.now(), 'Pacific/Kiritimati')]);
    expect(other.all.map((s) => s.articleId)).toEqual(kyiv.all.map((s) => s.articleId));
    expect(reads).toBe(1);
  });

  it('shows no total when a phase is missing (first and final only): a sum would be wrong', async () => {
    const [, seedArticle] = await ingest(['pow-phase-1'], [seed]);
    const [withChanges] = await withSeriesChanges(store, [seedArticle!], settings, 'UTC');
    expect(withChanges!.figures.find((f) => f.text === '303')!.change).toBeUndefined();
  });

  it('links nothing from unrelated stories into the thread', async () => {
    const [, , seedArticle] = await ingest(['uk-cpi-oct', 'flood-day-1'], [seed]);
    const [withChanges] = await withSeriesChanges(store, [seedArticle!], permissive, 'UTC');
    expect(withChanges!.figures.filter((f) => f.change !== undefined)).toEqual([]);
  });
});

describe('levels', () => {
  it('says what a rate was in the earlier month; an expected rate is not linked to an actual one', async () => {
    const [, , nov] = await ingest(['uk-cpi-oct', 'ez-cpi-nov', 'uk-cpi-nov']);
    const [withChanges] = await withSeriesChanges(store, [nov!], permissive, 'Europe/London');
    const byText = new Map(withChanges!.figures.map((f) => [f.text, f.change]));
    expect(byText.get('3.1%')).toBe('was 2.8% in October');
    const [atDefault] = await withSeriesChanges(store, [nov!], settings, 'Europe/London');
    expect(atDefault!.figures.find((f) => f.text === '3.1%')?.change).toBeUndefined();
    // "is expected to keep rates at 4.5%" (November) is a forecast; "kept rates at 4.5%" (October) happened.
    expect(byText.get('4.5%')).toBeUndefined();
  });
});

it.skipIf(seed !== null)('skips the seed tests when ../shared/seed is absent', () => {
  console.log(`seed tests skipped: ${SEED_PATH} not found`);
});
