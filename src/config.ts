/**
 * Configuration: one typed object, validated once at start. Pure: `parseConfig(env)` takes the
 * environment as data; only main/cli read `process.env`.
 */
import { z } from 'zod';
import { isValidCron } from './jobs/scheduler.js';
import { isDigestTime } from './jobs/due-chats.js';
import { ConfigError } from './domain/errors.js';
import { isValidTimeZone } from './jobs/time-zone.js';
import type { LlmSettings } from './app/llm-summaries.js';
import { isLocale, LOCALES, type Locale } from './i18n/translator.js';
import { databaseLocation, isPostgresUrl, type DatabaseLocation } from './store/database-location.js';
import { DEFAULT_MIN_CONFIDENCE } from './series/link-figures.js';

/** Telegram bot tokens look like `123456789:AA…` (numeric bot id, colon, 35 url-safe chars). */
const TOKEN_PATTERN = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;
/** Variables whose values never appear in an error message. */
const SECRET_VARIABLES = new Set(['TELEGRAM_BOT_TOKEN', 'WEBHOOK_SECRET', 'LLM_API_KEY', 'DATABASE_URL']);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Treat `VAR=` in .env as "not set", so defaults apply. */
const optionalText = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const cronExpression = (fallback: string) =>
  optionalText()
    .default(fallback)
    .refine((v) => isValidCron(v!), { message: 'is not a valid cron expression (e.g. "0 8 * * *" = 08:00 daily)' });

/**
 * A whole number from 1 to `max`. Every setting has an upper bound: past it a value stops meaning
 * what it says (timers over 2^31-1 ms fire at once, huge ids are rounded).
 */
const positiveInt = (fallback: number, max: number) =>
  optionalText()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v!) && Number(v) > 0 && Number(v) <= max, { message: `must be a whole number from 1 to ${max.toLocaleString('en-US')}` })
    .transform((v) => Number(v));

/** A TCP port (1-65535); without a fallback, unset means "off". */
const port = (fallback?: number) =>
  optionalText()
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), { message: 'must be a port number 1-65535' })
    .transform((v) => (v === undefined ? fallback ?? null : Number(v)));

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const schema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText().refine((v) => v === undefined || TOKEN_PATTERN.test(v), {
    message: 'does not look like a bot token (expected "123456789:AA…" as given by @BotFather)',
  }),
  TELEGRAM_API_ROOT: optionalText()
    .default('https://api.telegram.org')
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v!), { message: 'must be an http(s) URL such as https://api.telegram.org' })
    .transform((v) => v!.replace(/\/+$/, '')),
  DATABASE_URL: optionalText().refine((v) => v === undefined || isPostgresUrl(v) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(sqlite|file):/i.test(v), {
    message: 'must be a postgres://user@host:5432/database URL (PostgreSQL) or a SQLite file path',
  }),
  DATABASE_PATH: optionalText().default('./data/keyfigures.db'),
  DIGESTS_DIR: optionalText().default('./digests'),
  FETCH_CRON: cronExpression('*/30 * * * *'),
  DIGEST_CRON: optionalText()
    .default('0 8 * * *')
    .refine((v) => isValidCron(v!) || isDigestTime(v!), {
      message: 'is neither a daily time HH:MM (e.g. 08:00) nor a cron expression (e.g. "0 8 * * *")',
    }),
  LANGUAGE: optionalText()
    .default('en')
    .refine((v) => isLocale(v), { message: `must be one of ${LOCALES.join(', ')}` }),
  TIMEZONE: optionalText()
    .default('UTC')
    .refine((v) => isValidTimeZone(v!), { message: 'is not an IANA time zone (e.g. Europe/Kyiv, America/New_York, UTC)' }),
  ADMIN_IDS: optionalText()
    .default('')
    .transform((v) => v!.split(/[\s,]+/).filter(Boolean))
    .refine((ids) => ids.every((id) => /^-?\d+$/.test(id) && Number.isSafeInteger(Number(id))), {
      // a 20-digit number would be rounded to another user's id
      message: 'must be comma-separated numeric Telegram user ids, each at most 9007199254740991 (e.g. 12345678,87654321)',
    })
    .transform((ids) => ids.map(Number)),
  LOG_LEVEL: optionalText()
    .default('info')
    .refine((v) => (LOG_LEVELS as readonly string[]).includes(v!), { message: `must be one of ${LOG_LEVELS.join(', ')}` }),
  FEEDS: optionalText()
    .default('')
    .transform((v) => v!.split(/[\s,]+/).filter(Boolean)),
  TOP_FIGURES: positiveInt(5, 50),
  MAX_STORIES: positiveInt(10, 100),
  DIGEST_WINDOW_HOURS: positiveInt(24, 24 * 31),
  FETCH_TIMEOUT_MS: positiveInt(15_000, 600_000),
  FETCH_MAX_BYTES: positiveInt(5 * 1024 * 1024, 256 * 1024 * 1024),
  FETCH_CONCURRENCY: positiveInt(16, 256),
  FETCH_PER_HOST: positiveInt(2, 64),
  FEED_MIN_INTERVAL_MINUTES: positiveInt(15, 7 * 24 * 60),
  FEED_MAX_INTERVAL_MINUTES: positiveInt(24 * 60, 7 * 24 * 60),
  FEED_MAX_ITEMS: positiveInt(100, 10_000),
  FEED_BUDGET_SECONDS: positiveInt(120, 3600),
  FETCH_CYCLE_BUDGET_SECONDS: positiveInt(600, 24 * 3600),
  ALLOW_PRIVATE_FEEDS: optionalText()
    .default('false')
    .refine((v) => /^(true|false|1|0|yes|no)$/i.test(v!), { message: 'must be true or false' })
    .transform((v) => /^(true|1|yes)$/i.test(v!)),
  SEND_RATE_PER_SECOND: positiveInt(25, 1000),
  // Past 8 a kill -9 could repeat that many digest messages, for a gain only a very slow link needs.
  SEND_IN_FLIGHT: positiveInt(1, 8),
  MISSED_DIGEST_MAX_AGE_HOURS: positiveInt(12, 24 * 7),
  SCHEDULE_CHECK_SECONDS: positiveInt(30, 3600),
  HTTP_PORT: port(),
  HTTP_HOST: optionalText().default('127.0.0.1'),
  WEBHOOK_URL: optionalText().refine((v) => v === undefined || isHttpsUrl(v), {
    message: 'must be the public https URL Telegram posts updates to (e.g. https://bot.example.org/telegram)',
  }),
  WEBHOOK_SECRET: optionalText().refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'must be 1-256 characters A-Z, a-z, 0-9, _ or - (e.g. openssl rand -hex 32)',
  }),
  WEBHOOK_PORT: port(8443),
  WEBHOOK_HOST: optionalText().default('0.0.0.0'),
  SERIES_MIN_CONFIDENCE: optionalText()
    .default(String(DEFAULT_MIN_CONFIDENCE))
    .refine((v) => /^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(v!), { message: 'must be a number from 0 to 1 (e.g. 0.85; higher shows fewer, surer changes)' })
    .transform((v) => Number(v)),
  SERIES_LOOKBACK_DAYS: positiveInt(120, 3650),
  // /search reads article bodies of the last 30 days, so they are kept at least that long.
  RETENTION_DAYS: optionalText()
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 30), { message: 'must be a whole number of days, at least 30 (/search reads the last 30 days of article text), or unset to keep every article body' })
    .transform((v) => (v === undefined ? null : Number(v))),
  LLM_BASE_URL: optionalText().refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be the http(s) base URL of an OpenAI-compatible API (e.g. https://api.openai.com/v1, http://127.0.0.1:8080/v1 for llama.cpp, http://127.0.0.1:11434/v1 for Ollama)',
  }),
  LLM_API_KEY: optionalText(),
  LLM_MODEL: optionalText(),
  LLM_MAX_TOKENS_PER_DAY: positiveInt(200_000, 1_000_000_000),
  LLM_TIMEOUT_MS: positiveInt(20_000, 600_000),
  LLM_DEADLINE_SECONDS: positiveInt(90, 3600),
}).superRefine((e, ctx) => {
  if (Boolean(e.LLM_BASE_URL) !== Boolean(e.LLM_MODEL)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: [e.LLM_BASE_URL ? 'LLM_MODEL' : 'LLM_BASE_URL'],
      message: 'is required with ' + (e.LLM_BASE_URL ? 'LLM_BASE_URL (the model name, e.g. gpt-4o-mini or llama3.1)' : 'LLM_MODEL (e.g. http://127.0.0.1:11434/v1); unset both for extractive summaries'),
    });
  }
  if (e.LLM_API_KEY && !e.LLM_BASE_URL) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['LLM_BASE_URL'], message: 'is required with LLM_API_KEY (the endpoint the key is for)' });
  }
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['WEBHOOK_SECRET'],
      message: 'is required with WEBHOOK_URL, so only Telegram can post updates (e.g. WEBHOOK_SECRET=$(openssl rand -hex 32))',
    });
  }
});

/** The validated configuration every component receives. */
export interface Config {
  telegram: { token: string | null; apiRoot: string };
  /** Where the data lives: PostgreSQL (DATABASE_URL=postgres://…) or a SQLite file (DATABASE_URL as a path, else DATABASE_PATH). */
  database: DatabaseLocation;
  digestsDir: string;
  fetchCron: string;
  digestCron: string;
  timezone: string;
  /** The operator's language (LANGUAGE): the archive's files and the CLI's digests and cards. */
  language: Locale;
  adminIds: number[];
  logLevel: (typeof LOG_LEVELS)[number];
  seedFeeds: string[];
  topFigures: number;
  maxStories: number;
  digestWindowHours: number;
  /**
   * How feeds and pages are fetched and how often feeds are polled: passed whole to the fetch
   * cycle, which reads the polling bounds from it.
   */
  fetch: {
    timeoutMs: number;
    maxBytes: number;
    concurrency: number;
    perHost: number;
    minIntervalMinutes: number;
    maxIntervalMinutes: number;
    maxItemsPerFeed: number;
    /** One feed's budget per cycle, document and article pages together (FEED_BUDGET_SECONDS). */
    feedBudgetMs: number;
    /** A fetch cycle's budget (FETCH_CYCLE_BUDGET_SECONDS); feeds not started by then stay due. */
    cycleBudgetMs: number;
  };
  /** Let users (bot /subscribe) add feeds on loopback/private/link-local addresses (SSRF guard off). */
  allowPrivateFeeds: boolean;
  sendRatePerSecond: number;
  /**
   * Digest messages one process keeps on the wire at once (SEND_IN_FLIGHT): also the most a kill -9
   * of it can repeat. 1 caps a process at one send per round trip (~16/s at 60 ms); more trades
   * possible duplicates per crash for throughput on a slow link.
   */
  sendInFlight: number;
  /** A digest slot missed (e.g. during downtime) is delivered late only within this many hours. */
  missedDigestMaxAgeHours: number;
  /** Article bodies older than this many days are emptied (figures and sentences stay); null keeps them all. */
  retentionDays: number | null;
  /** How often the running bot checks which chats' digest time has come (and re-reads the schedule). */
  scheduleCheckSeconds: number;
  /** The operators' /healthz and /metrics server (HTTP_PORT, HTTP_HOST); null = not started. */
  http: { port: number; host: string } | null;
  /** Webhook mode instead of long polling (WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_PORT, WEBHOOK_HOST); null = long polling. */
  webhook: { url: string; secret: string; port: number; host: string } | null;
  /** Figures over time: the confidence a change is shown at, and how far back earlier points may be. */
  series: { minConfidence: number; lookbackDays: number };
  /** Optional abstractive summaries (LLM_*); null = extractive only. */
  llm: LlmSettings | null;
}

/**
 * Validate the environment into a Config, or throw a ConfigError listing every problem.
 * @example parseConfig({ TIMEZONE: 'Europe/Kyiv', DIGEST_CRON: '0 8 * * *' })
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'config');
      const given = env[variable];
      const shown = SECRET_VARIABLES.has(variable) || given === undefined ? '' : ` (got "${given}")`;
      return `${variable} ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = result.data;
  return {
    telegram: { token: e.TELEGRAM_BOT_TOKEN ?? null, apiRoot: e.TELEGRAM_API_ROOT },
    database: databaseLocation(e.DATABASE_URL, e.DATABASE_PATH!),
    digestsDir: e.DIGESTS_DIR!,
    fetchCron: e.FETCH_CRON!,
    digestCron: e.DIGEST_CRON!,
    timezone: e.TIMEZONE!,
    language: e.LANGUAGE as Locale,
    adminIds: e.ADMIN_IDS,
    logLevel: e.LOG_LEVEL as Config['logLevel'],
    seedFeeds: e.FEEDS,
    topFigures: e.TOP_FIGURES,
    maxStories: e.MAX_STORIES,
    digestWindowHours: e.DIGEST_WINDOW_HOURS,
    fetch: {
      timeoutMs: e.FETCH_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
      concurrency: e.FETCH_CONCURRENCY,
      perHost: e.FETCH_PER_HOST,
      minIntervalMinutes: e.FEED_MIN_INTERVAL_MINUTES,
      maxIntervalMinutes: Math.max(e.FEED_MAX_INTERVAL_MINUTES, e.FEED_MIN_INTERVAL_MINUTES),
      maxItemsPerFeed: e.FEED_MAX_ITEMS,
      feedBudgetMs: e.FEED_BUDGET_SECONDS * 1000,
      cycleBudgetMs: e.FETCH_CYCLE_BUDGET_SECONDS * 1000,
    },
    allowPrivateFeeds: e.ALLOW_PRIVATE_FEEDS,
    sendRatePerSecond: e.SEND_RATE_PER_SECOND,
    sendInFlight: e.SEND_IN_FLIGHT,
    missedDigestMaxAgeHours: e.MISSED_DIGEST_MAX_AGE_HOURS,
    retentionDays: e.RETENTION_DAYS,
    scheduleCheckSeconds: e.SCHEDULE_CHECK_SECONDS,
    http: e.HTTP_PORT === null ? null : { port: e.HTTP_PORT, host: e.HTTP_HOST! },
    series: { minConfidence: e.SERIES_MIN_CONFIDENCE, lookbackDays: e.SERIES_LOOKBACK_DAYS },
    llm: e.LLM_BASE_URL && e.LLM_MODEL
      ? { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY ?? null, model: e.LLM_MODEL, maxTokensPerDay: e.LLM_MAX_TOKENS_PER_DAY, timeoutMs: e.LLM_TIMEOUT_MS, deadlineMs: e.LLM_DEADLINE_SECONDS * 1000 }
      : null,
    webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET!, port: e.WEBHOOK_PORT!, host: e.WEBHOOK_HOST! } : null,
  };
}
