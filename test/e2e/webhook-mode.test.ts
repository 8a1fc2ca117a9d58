/**
 * Webhook mode on real parts: the real bot process with WEBHOOK_URL sets the webhook on the fake
 * Bot API with its secret token, answers an update posted to its local webhook with the right
 * X-Telegram-Bot-Api-Secret-Token header, and refuses (403) posts without it or with another.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { freePort, startBotProcess, type BotProcess, botEnv } from '../support/bot-process.js';

const USER = { id: 8101, type: 'private' as const, first_name: 'Iryna' };
const WEBHOOK_URL = 'https://bot.example.test/telegram/hook';
const SECRET = 'kf_test-secret_0123456789';

let api: FakeBotApi;
let dir: string;
let bot: BotProcess;
let hook: string;
let ops: string;
let updateId = 1000;

beforeAll(async () => {
  api = await FakeBotApi.start();
  api.addChat(USER);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-webhook-'));
  const [webhookPort, httpPort] = [await freePort(), await freePort()];
  hook = `http://127.0.0.1:${webhookPort}/telegram/hook`;
  ops = `http://127.0.0.1:${httpPort}`;
  bot = startBotProcess(
    botEnv(api, dir, {
      WEBHOOK_URL,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_PORT: String(webhookPort),
      WEBHOOK_HOST: '127.0.0.1',
      HTTP_PORT: String(httpPort),
    }),
    dir,
  );
  await bot.waitForOutput(/bot started/);
  await waitUntil(() => api.calls('setWebhook').some((c) => c.status === 200), 10_000);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** POST a /command update to the bot's webhook as Telegram would. */
function post(text: string, headers: Record<string, string>): Promise<Response> {
  const update = {
    update_id: ++updateId,
    message: {
      message_id: updateId,
      from: { id: USER.id, is_bot: false, first_name: USER.first_name, language_code: 'en' },
      chat: USER,
      date: Math.floor(Date.now() / 1000),
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
    },
  };
  return fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
}

describe('webhook mode', { timeout: 30_000 }, () => {
  it('sets the webhook to WEBHOOK_URL with the secret token and does not poll', () => {
    const [call] = api.calls('setWebhook');
    expect(call!.params.url).toBe(WEBHOOK_URL);
    expect(call!.params.secret_token).toBe(SECRET);
    expect(api.calls('getUpdates')).toEqual([]);
    expect(bot.output()).toContain(`webhook ${WEBHOOK_URL}`);
  });

  it('refuses updates without the secret header or with a wrong one, and does not act on them', async () => {
    expect((await post('/start', {})).status).toBe(403);
    expect((await post('/start', { 'X-Telegram-Bot-Api-Secret-Token': 'not-the-secret' })).status).toBe(403);
    expect((await post('/start', { 'X-Telegram-Bot-Api-Secret-Token': `${SECRET}x` })).status).toBe(403);
    await new Promise((r) => setTimeout(r, 500));
    expect(api.sent(USER.id)).toEqual([]);
  });

  it('answers an update posted with the right secret through the Bot API', async () => {
    const res = await post('/start', { 'X-Telegram-Bot-Api-Secret-Token': SECRET });
    expect(res.status).toBe(200);
    const reply = await api.waitFor((m) => m.chat_id === USER.id, 10_000);
    expect(reply.text).toContain('Subscribed');
    expect(api.rejected()).toEqual([]);
  });

  it('is healthy on /healthz while the webhook server listens', async () => {
    const res = await fetch(`${ops}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', reasons: [] });
    expect(res.status).toBe(200);
  });

  it('stops cleanly on SIGTERM and never logs the token or the secret', async () => {
    expect(await bot.stop()).toBe(0);
    expect(bot.output()).not.toContain(api.token);
    expect(bot.output()).not.toContain(SECRET);
  });
});

async function waitUntil(probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
