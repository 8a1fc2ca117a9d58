/** The MessageSender through the fake Bot API: order per chat, retry_after, retries, 403 and 400. */
import { describe, it, expect, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { MessageSender } from '../../src/delivery/message-sender.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { createLogger } from '../../src/support/logger.js';

let api: FakeBotApi;
afterEach(() => api.close());

const logger = createLogger({ level: 'silent' });
const fastPacer = () => new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 0, groupPerMinute: 100_000, groupIntervalMs: 0 });

async function setup() {
  api = await FakeBotApi.start({ floodLimits: false });
  for (const id of [1, 2, 3]) api.addChat({ id, type: 'private', first_name: `U${id}` });
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
  const gone: number[] = [];
  const sender = new MessageSender({ pacer: fastPacer(), logger, backoffMs: () => 10, onChatGone: async (chatId) => void gone.push(chatId) });
  const send = (chatId: number, text: string) => sender.send(chatId, (to) => telegram.sendMessage(to, text));
  return { telegram, sender, send, gone };
}

describe('MessageSender', () => {
  it('keeps a chat’s order through a 429, sending nothing to it before retry_after', async () => {
    const { send } = await setup();
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const texts = ['one', 'two', 'three'];
    await Promise.all([...texts.map((t) => send(1, t)), send(2, 'other chat')]);
    expect(api.sent(1).map((m) => m.text)).toEqual(texts);
    expect(api.sent(2).map((m) => m.text)).toEqual(['other chat']);
    expect(api.earlySends()).toEqual([]);
  });

  it('retries server errors, deactivates a chat that blocked the bot, gives up a rejected message and goes on', async () => {
    const { send, gone, sender } = await setup();
    api.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error', count: 2 });
    await send(1, 'after two 500s');
    expect(api.sent(1).map((m) => m.text)).toEqual(['after two 500s']);

    api.blockChat(2);
    await expect(send(2, 'blocked')).rejects.toMatchObject({ code: 403 });
    expect(gone).toEqual([2]);

    const bad = send(3, '');
    const next = send(3, 'next');
    await expect(bad).rejects.toMatchObject({ code: 400 });
    await next;
    expect(api.sent(3).map((m) => m.text)).toEqual(['next']);
    expect(sender.counts).toMatchObject({ sent: 2, retried: 2, failed: 1, gone: 1 });
  });
});
