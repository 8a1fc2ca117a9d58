/** Test harness: the real bot on the fake Bot API with a real SQLite store, plus article seeding. */
import { Telegram, type Telegraf } from 'telegraf';
import { FakeBotApi, type FloodLimits, type SentMessage } from '../support/fake-bot-api.js';
import { FloodLimiter, type FloodLimits as PacerLimits } from '../../src/delivery/flood-limiter.js';
import { UpdateLanes } from '../../src/bot/update-lanes.js';
import { createBot, registerCommands } from '../../src/bot/create-bot.js';
import { createBotDeps, type BotDeps } from '../../src/bot/bot-deps.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createLogger, type LogSink } from '../../src/support/logger.js';
import { OutboxWorker } from '../../src/delivery/outbox.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { parseConfig } from '../../src/config.js';
import { summarizeArticle } from '../../src/figures/summarize.js';
import type { Article } from '../../src/domain/types.js';

export const PRIVATE = { id: 7001, type: 'private' as const, first_name: 'Ann' };
export const GROUP = { id: -4002, type: 'group' as const, title: 'Newsroom' };
export const ADMIN_ID = 9009;
export const ADMIN_CHAT = { id: ADMIN_ID, type: 'private' as const, first_name: 'Ops' };

/** Who sends a message or presses a button: a user id and their Telegram app's language. */
export type Sender = { id: number; language_code?: string };

/** A running bot with its fake API and store. */
export interface Harness {
  api: FakeBotApi;
  store: SqliteStore;
  bot: Telegraf;
  deps: BotDeps;
  /** The update lanes the bot runs updates in. */
  lanes: UpdateLanes;
  /** Error-level log lines (handler failures). */
  errors: string[];
  /** Send a message and wait for the next `count` replies to that chat (`from.language_code` is the app's language, 'en' by default). */
  say(chat: { id: number }, text: string, from?: Sender, count?: number): Promise<SentMessage[]>;
  /** Press a button and wait for `count` new messages (0: wait for the callback to be answered). */
  press(chat: { id: number }, messageId: number, data: string, from?: Sender, count?: number): Promise<SentMessage[]>;
  stop(): Promise<void>;
}

/** Pacing for tests without flood limits: nothing waits. */
const NO_WAIT: PacerLimits = { globalPerSecond: 100_000, privateIntervalMs: 0, groupPerMinute: 1_000_000, groupIntervalMs: 0 };

/**
 * Start the bot on a fresh fake API; `dbFile` defaults to an in-memory database. By default the
 * fake has no flood limits and the bot does not pace; `floodLimits` and `pacer` turn them on.
 * `outbox` runs the outbox worker beside the bot (as the running bot does), sending what is queued.
 */
export async function startHarness(
  opts: { dbFile?: string; store?: SqliteStore; env?: Record<string, string>; floodLimits?: Partial<FloodLimits>; pacer?: PacerLimits; outbox?: boolean } = {},
): Promise<Harness> {
  const api = await FakeBotApi.start({ floodLimits: opts.floodLimits ?? false });
  const store = opts.store ?? openSqliteStore(opts.dbFile ?? ':memory:');
  const errors: string[] = [];
  const sink: LogSink = { write: (line) => void (/"level":(50|60)/.test(line) && errors.push(line)) };
  const logger = createLogger({ level: 'warn', sink, pretty: false });
  const config = parseConfig({ ADMIN_IDS: String(ADMIN_ID), TIMEZONE: 'UTC', DIGEST_CRON: '0 8 * * *', ...opts.env });
  const settings = { timezone: config.timezone, maxStories: config.maxStories, topFigures: config.topFigures, windowHours: 24, digestsDir: '/nonexistent', series: config.series };
  const pacer = new FloodLimiter(opts.pacer ?? NO_WAIT);
  const deps = createBotDeps({ config, store, logger, settings, pacer });
  const outbox = opts.outbox ? new OutboxWorker({ store, sender: new TelegrafSender(new Telegram(api.token, { apiRoot: api.apiRoot })), logger, limiter: pacer, pollMs: 50 }) : null;
  await outbox?.start();
  void outbox?.run();
  const lanes = new UpdateLanes();
  const bot = createBot({ token: api.token, apiRoot: api.apiRoot }, deps, lanes);
  await registerCommands(bot);
  void bot.launch();
  // Ready once telegraf polls (bot.stop before that throws "Bot is not running!").
  for (let i = 0; i < 500 && api.calls('getUpdates').length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  const answered = () => api.calls('answerCallbackQuery').length;
  return {
    api,
    store,
    bot,
    deps,
    lanes,
    errors,
    async say(chat, text, from, count = 1) {
      const before = api.sent(chat.id).length;
      api.sendText(chat as never, text, from);
      const all = await api.waitForMessages(chat.id, before + count, 5000);
      return all.slice(before);
    },
    async press(chat, messageId, data, from, count = 0) {
      const before = api.sent(chat.id).length;
      const answeredBefore = answered();
      api.pressButton(chat as never, messageId, data, from);
      if (count > 0) return (await api.waitForMessages(chat.id, before + count, 5000)).slice(before);
      const deadline = Date.now() + 5000;
      while (answered() === answeredBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      return api.sent(chat.id).slice(before);
    },
    async stop() {
      bot.stop('test');
      await lanes.idle();
      await deps.jobs.idle();
      await deps.sender.idle();
      await outbox?.stop();
      await api.close();
      await store.close();
    },
  };
}

/** Minutes ago as ISO. */
export const minutesAgo = (m: number): Date => new Date(Date.now() - m * 60_000);

/**
 * Store an article summarized by the real figure engine.
 * @example await seedArticle(store, { title: 'Ukraine captured 971 soldiers', text: '…' })
 */
export async function seedArticle(
  store: SqliteStore,
  a: { title: string; text: string; feedId?: number | null; link?: string | null; source?: string; minutesAgo?: number; key?: string },
): Promise<Article> {
  const summary = summarizeArticle({ title: a.title, text: a.text });
  const at = minutesAgo(a.minutesAgo ?? 30);
  const saved = await store.saveArticle({
    feedId: a.feedId ?? null,
    key: a.key ?? `k:${a.title}:${Math.random()}`,
    link: a.link === undefined ? `https://news.test/${encodeURIComponent(a.title.slice(0, 30))}` : a.link,
    title: a.title,
    source: a.source ?? 'Test Wire',
    publishedAt: at,
    fetchedAt: at,
    text: summary.text,
    summary: summary.summary,
    figures: summary.figures,
  });
  if (!saved) throw new Error('article not saved');
  return saved;
}

/** The Kursk story of the founding article, rewritten for tests (own words). */
export const KURSK = {
  title: 'Ukraine captured almost 1,000 Russian soldiers during Kursk offensive',
  text:
    'Ukrainian forces captured 971 Russian soldiers in Kursk Oblast between August 2024 and May 2025, the general staff said on Monday. ' +
    'The final phase of the exchange brought home 303 prisoners of war. ' +
    'The 1,000-for-1,000 prisoner exchange was agreed at talks in Turkey, the first direct negotiations in three years. ' +
    'Among the returnees, 70 had defended Mariupol during the 2022 siege.',
};

/** A second, unrelated story. */
export const BRIDGE = {
  title: 'Harbour bridge reopens after repairs costing $48m',
  text:
    'The harbour bridge reopened on Tuesday after repairs costing $48m, the port authority said. ' +
    'About 1,350 lorries a day used the crossing before it shut. Engineers replaced 96 steel cables and resurfaced 2.4 km of road deck.',
};

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };

/** The inline buttons under a sent message, in order. */
export const buttons = (m: { reply_markup?: unknown }) => ((m.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();
