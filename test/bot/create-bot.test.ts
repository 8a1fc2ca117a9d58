/** The bot's commands, driven through the fake Bot API with the real telegraf update loop. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Telegraf } from 'telegraf';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { createBot, registerCommands } from '../../src/bot/create-bot.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
const PRIVATE = { id: 7001, type: 'private' as const, first_name: 'Ann' };
const GROUP = { id: -4002, type: 'group' as const, title: 'Newsroom' };

let api: FakeBotApi;
let store: SqliteStore;
let bot: Telegraf;
let digestParts: string[];

beforeEach(async () => {
  // Replies here answer one user's rapid commands; flood limits are the outbox's tests' subject.
  api = await FakeBotApi.start({ floodLimits: false });
  store = openSqliteStore(':memory:');
  digestParts = ['<b>KeyFigures · 24 Nov 2026</b>\n1 story · 1 figure\n\n<b>1. Test</b>\n• <b>971</b> soldiers captured'];
  bot = createBot(
    { token: api.token, apiRoot: api.apiRoot },
    { store, logger, currentDigestParts: async () => digestParts, nextDigestTime: () => '25 Nov, 08:00 (UTC)' },
  );
  await registerCommands(bot);
  void bot.launch();
});

afterEach(async () => {
  bot.stop('test');
  await api.close();
  await store.close();
});

async function nextReply(chat: { id: number }, text: string) {
  const before = api.sent(chat.id).length;
  api.sendText(chat as never, text);
  await api.waitForMessages(chat.id, before + 1, 5000);
  return api.sent(chat.id)[before]!;
}

describe('bot commands', () => {
  it('/start subscribes once, greets with the next digest time, and says so when repeated', async () => {
    const first = await nextReply(PRIVATE, '/start');
    expect(first.text).toContain('Subscribed');
    expect(first.text).toContain('25 Nov, 08:00 (UTC)');
    expect(await store.getSubscriber(PRIVATE.id)).toMatchObject({ active: true, chatType: 'private' });
    const second = await nextReply(PRIVATE, '/start');
    expect(second.text).toContain('already subscribed');
  });

  it('/stop unsubscribes and /start brings the chat back', async () => {
    await nextReply(PRIVATE, '/start');
    expect((await nextReply(PRIVATE, '/stop')).text).toMatch(/^Unsubscribed/);
    expect(await store.getSubscriber(PRIVATE.id)).toMatchObject({ active: false });
    expect((await nextReply(PRIVATE, '/stop')).text).toContain('were not subscribed');
    expect((await nextReply(PRIVATE, '/start')).text).toContain('Welcome back');
  });

  it('/digest sends every part with link previews off', async () => {
    digestParts = ['<b>part one</b>', '<i>part two</i>'];
    api.sendText(PRIVATE, '/digest');
    const parts = await api.waitForMessages(PRIVATE.id, 2, 5000);
    expect(parts.map((p) => p.text)).toEqual(['part one', 'part two']);
    const call = api.calls('sendMessage').at(-1)!;
    expect(call.params).toMatchObject({ parse_mode: 'HTML' });
  });

  it('/help lists every registered command', async () => {
    const help = await nextReply(PRIVATE, '/help');
    for (const c of api.myCommands()) expect(help.text).toContain(`/${c.command}`);
  });

  it('answers an unknown command with a pointer to /help, and ignores plain text', async () => {
    api.sendText(PRIVATE, 'hello there');
    const unknown = await nextReply(PRIVATE, '/frobnicate now');
    expect(unknown.text).toBe('Unknown command /frobnicate. Send /help for the list.');
    expect(api.sent(PRIVATE.id)).toHaveLength(1);
  });

  it('in a group: /start@ThisBot subscribes the group; commands for another bot are ignored', async () => {
    api.sendText(GROUP, '/start@OtherBot');
    api.sendText(GROUP, '/unknown@OtherBot');
    const ok = await nextReply(GROUP, `/start@${api.bot.username}`);
    expect(ok.text).toContain('Subscribed');
    expect(api.sent(GROUP.id)).toHaveLength(1);
    expect(await store.getSubscriber(GROUP.id)).toMatchObject({ chatType: 'group', title: 'Newsroom' });
  });

  it('a failing handler answers politely and keeps polling', async () => {
    await store.close(); // every store call now throws
    const sorry = await nextReply(PRIVATE, '/start');
    expect(sorry.text).toContain('something went wrong');
    const help = await nextReply(PRIVATE, '/help');
    expect(help.text).toContain('/digest');
    store = openSqliteStore(':memory:');
  });

  it('never triggers a Telegram 400', async () => {
    await nextReply(PRIVATE, '/start');
    await nextReply(PRIVATE, '/help');
    await nextReply(PRIVATE, '/digest');
    expect(api.rejected()).toEqual([]);
  });
});
