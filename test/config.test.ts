import { describe, it, expect } from 'vitest';
import { parseConfig } from '../src/config.js';
import { ConfigError } from '../src/domain/errors.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseConfig', () => {
  it('applies every default on an empty environment', () => {
    const c = parseConfig({});
    expect(c.telegram).toEqual({ token: null, apiRoot: 'https://api.telegram.org' });
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/keyfigures.db' });
    expect(c.digestsDir).toBe('./digests');
    expect(c.timezone).toBe('UTC');
    expect(c.fetchCron).toBe('*/30 * * * *');
    expect(c.digestCron).toBe('0 8 * * *');
    expect(c.adminIds).toEqual([]);
    expect(c.topFigures).toBe(5);
    // one digest message on the wire per process: a kill -9 repeats at most one
    expect(c.sendInFlight).toBe(1);
  });

  it('chooses the database from DATABASE_URL: postgres:// is PostgreSQL, a path is SQLite, other schemes are refused without echoing the URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://kf:s3cret@db.example:5432/kf' }).database).toEqual({ kind: 'postgres', url: 'postgres://kf:s3cret@db.example:5432/kf' });
    expect(parseConfig({ DATABASE_URL: 'postgresql://kf@db/kf' }).database.kind).toBe('postgres');
    expect(parseConfig({ DATABASE_URL: '/var/lib/kf/kf.db', DATABASE_PATH: './other.db' }).database).toEqual({ kind: 'sqlite', path: '/var/lib/kf/kf.db' });
    expect(parseConfig({ DATABASE_URL: 'sqlite:./data/kf.db' }).database).toEqual({ kind: 'sqlite', path: './data/kf.db' });
    const problems = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/kf' });
    expect(problems).toEqual([expect.stringMatching(/^DATABASE_URL must be a postgres:\/\/.* or a SQLite file path$/)]);
    expect(problems.join()).not.toContain('hunter2');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: '', TIMEZONE: '  ' }).timezone).toBe('UTC');
  });

  it('reads valid values', () => {
    const c = parseConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      TIMEZONE: 'Europe/Kyiv',
      ADMIN_IDS: '12, 34,56',
      FEEDS: 'https://a.example/rss https://b.example/atom',
      DIGEST_CRON: '30 7 * * 1-5',
    });
    expect(c.telegram).toEqual({ token: TOKEN, apiRoot: 'http://127.0.0.1:8081' });
    expect(c.timezone).toBe('Europe/Kyiv');
    expect(c.adminIds).toEqual([12, 34, 56]);
    expect(c.seedFeeds).toHaveLength(2);
    expect(c.digestCron).toBe('30 7 * * 1-5');
    expect(parseConfig({ DIGEST_CRON: '07:30' }).digestCron).toBe('07:30');
    expect(parseConfig({ SEND_IN_FLIGHT: '3' }).sendInFlight).toBe(3);
  });

  it.each([
    ['TIMEZONE', 'Mars/Olympus', /TIMEZONE is not an IANA time zone/],
    ['DIGEST_CRON', '61 * * * *', /DIGEST_CRON is neither a daily time HH:MM/],
    ['DIGEST_CRON', '25:00', /DIGEST_CRON is neither a daily time HH:MM/],
    ['FETCH_CRON', 'every day', /FETCH_CRON is not a valid cron/],
    ['TELEGRAM_BOT_TOKEN', 'not-a-token', /TELEGRAM_BOT_TOKEN does not look like a bot token/],
    ['ADMIN_IDS', '12,abc', /ADMIN_IDS must be comma-separated numeric/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['TOP_FIGURES', '0', /TOP_FIGURES must be a whole number from 1 to 50/],
    // upper bounds: past them a value stops meaning what it says
    ['FETCH_TIMEOUT_MS', String(2 ** 31), /FETCH_TIMEOUT_MS must be a whole number from 1 to 600,000/],
    ['SCHEDULE_CHECK_SECONDS', '99999999', /SCHEDULE_CHECK_SECONDS must be a whole number from 1 to 3,600/],
    ['ADMIN_IDS', '12345678901234567890', /ADMIN_IDS must be comma-separated numeric Telegram user ids, each at most 9007199254740991/],
    ['FEED_BUDGET_SECONDS', '0', /FEED_BUDGET_SECONDS must be a whole number from 1 to 3,600/],
    ['SEND_IN_FLIGHT', '0', /SEND_IN_FLIGHT must be a whole number from 1 to 8/],
    ['SEND_IN_FLIGHT', '9', /SEND_IN_FLIGHT must be a whole number from 1 to 8/],
    ['TELEGRAM_API_ROOT', 'ftp://x', /TELEGRAM_API_ROOT must be an http\(s\) URL/],
    ['HTTP_PORT', '70000', /HTTP_PORT must be a port number 1-65535/],
    ['WEBHOOK_SECRET', 'has spaces!', /WEBHOOK_SECRET must be 1-256 characters A-Z/],
    ['WEBHOOK_PORT', 'https', /WEBHOOK_PORT must be a port number/],
  ])('rejects a bad %s', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('lists every problem at once, and never echoes the token', () => {
    const problems = problemsOf({ TIMEZONE: 'Nowhere', DIGEST_CRON: 'x', ADMIN_IDS: 'y', TELEGRAM_BOT_TOKEN: 'secret-ish' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).not.toContain('secret-ish');
  });

  it('keeps every article body unless RETENTION_DAYS says how long (at least the 30 days /search reads)', () => {
    expect(parseConfig({}).retentionDays).toBeNull();
    expect(parseConfig({ RETENTION_DAYS: '90' }).retentionDays).toBe(90);
    expect(problemsOf({ RETENTION_DAYS: '7' })).toEqual([expect.stringContaining('RETENTION_DAYS')]);
    expect(problemsOf({ RETENTION_DAYS: 'forever' })).toHaveLength(1);
  });

  it('starts the ops server only with HTTP_PORT, on 127.0.0.1 unless told', () => {
    expect(parseConfig({}).http).toBeNull();
    expect(parseConfig({ HTTP_PORT: '9464' }).http).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(parseConfig({ HTTP_PORT: '9464', HTTP_HOST: '0.0.0.0' }).http).toEqual({ port: 9464, host: '0.0.0.0' });
  });

  it('uses a webhook only with WEBHOOK_URL, which requires WEBHOOK_SECRET (never echoed)', () => {
    expect(parseConfig({}).webhook).toBeNull();
    expect(parseConfig({ WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_SECRET: 'abc_DEF-123' }).webhook).toEqual({
      url: 'https://bot.example.org/tg', secret: 'abc_DEF-123', port: 8443, host: '0.0.0.0',
    });
    expect(problemsOf({ WEBHOOK_URL: 'https://bot.example.org/tg' })).toEqual([expect.stringMatching(/^WEBHOOK_SECRET is required with WEBHOOK_URL/)]);
    expect(problemsOf({ WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_SECRET: 'bad secret' }).join('\n')).not.toContain('bad secret');
    expect(problemsOf({ WEBHOOK_URL: 'http://bot.example.org/tg', WEBHOOK_SECRET: 'ok' })).toEqual([expect.stringMatching(/^WEBHOOK_URL must be the public https URL/)]);
  });
});
