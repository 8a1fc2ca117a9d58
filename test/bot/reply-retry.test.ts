import { describe, it, expect, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { retryRepliesOn429 } from '../../src/bot/reply-retry.js';
import { createBot } from '../../src/bot/create-bot.js';
import { createBotDeps } from '../../src/bot/bot-deps.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createLogger } from '../../src/support/logger.js';
import { parseConfig } from '../../src/config.js';

let api: FakeBotApi;
afterEach(() => api.close());

describe('retryRepliesOn429', () => {
  it('sends the reply again after a short retry_after instead of losing it', async () => {
    api = await FakeBotApi.start({ floodLimits: false });
    api.addChat({ id: 11, type: 'private', first_name: 'A' });
    const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
    retryRepliesOn429(telegram, { maxWaitSec: 5, attempts: 3 });
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const started = Date.now();
    await telegram.sendMessage(11, 'hello');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.sent(11).map((m) => m.text)).toEqual(['hello']);
  });

  it('gives up on a long wait and on other errors, so callers still see them', async () => {
    api = await FakeBotApi.start({ floodLimits: false });
    api.addChat({ id: 12, type: 'private', first_name: 'B' });
    const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
    retryRepliesOn429(telegram, { maxWaitSec: 5, attempts: 3 });
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 60', retry_after: 60 });
    await expect(telegram.sendMessage(12, 'x')).rejects.toMatchObject({ code: 429 });
    api.blockChat(12);
    await expect(telegram.sendMessage(12, 'x')).rejects.toMatchObject({ code: 403 });
  });

  it('applies to the bot\'s replies: a /help answered 429 still arrives', async () => {
    api = await FakeBotApi.start({ floodLimits: false });
    const store = openSqliteStore(':memory:');
    const config = parseConfig({});
    const settings = { timezone: 'UTC', maxStories: 10, topFigures: 5, windowHours: 24, digestsDir: '/nonexistent' };
    const bot = createBot({ token: api.token, apiRoot: api.apiRoot }, createBotDeps({ config, store, logger: createLogger({ level: 'silent' }), settings }));
    void bot.launch();
    try {
      api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
      api.sendText({ id: 13, type: 'private', first_name: 'C' }, '/help');
      const [reply] = await api.waitForMessages(13, 1, 5000);
      expect(reply!.text).toContain('/digest');
      expect(api.rejected('sendMessage').map((r) => r.description)).toEqual(['Too Many Requests: retry after 1']);
    } finally {
      bot.stop('test');
      await store.close();
    }
  });
});
