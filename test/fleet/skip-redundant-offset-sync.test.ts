/**
 * Stopping long polling never sends a getUpdates that only conflicts with the poll just aborted
 * (Telegram, and the fake, end a held poll with 409 when another arrives), and still confirms the
 * updates handled after the last poll, so the next poller (a restart, a fleet's next leader) does not
 * get them again.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Telegraf } from 'telegraf';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { skipRedundantOffsetSync } from '../../src/fleet/skip-redundant-offset-sync.js';

const CHAT = { id: 7001, type: 'private' as const, first_name: 'Ann' };

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('skipRedundantOffsetSync', { timeout: 20_000 }, () => {
  let api: FakeBotApi;
  beforeEach(async () => {
    api = await FakeBotApi.start();
  });
  afterEach(async () => {
    await api.close();
  });

  const polls = () => api.calls('getUpdates');
  const bot = () => {
    const b = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    skipRedundantOffsetSync(b.telegram);
    return b;
  };

  it('a stop during a held poll sends no second getUpdates', async () => {
    const b = bot();
    const running = b.launch();
    await until(() => polls().length === 1);
    b.stop('test');
    await running;
    expect(polls()).toHaveLength(1);
    expect(polls()[0]!.params).toMatchObject({ timeout: 50, offset: 0 });
    expect(api.rejected()).toEqual([]);
  });

  it('a stop while answering updates still confirms them, and the next poller does not get them again', async () => {
    const b = bot();
    const handled: number[] = [];
    let stopNow: () => void = () => undefined;
    b.on('message', async (ctx) => {
      handled.push(ctx.update.update_id);
      stopNow();
    });
    const running = b.launch();
    await until(() => polls().length === 1);
    stopNow = () => b.stop('test');
    const update = api.sendText(CHAT, 'hello');
    await running;
    expect(handled).toEqual([update.update_id]);
    const sync = polls().at(-1)!;
    expect(sync.params).toMatchObject({ offset: update.update_id + 1, limit: 1 });
    expect(sync.params.timeout).toBeUndefined();
    expect(api.rejected()).toEqual([]);

    const next = bot();
    const again: number[] = [];
    next.on('message', (ctx) => void again.push(ctx.update.update_id));
    const nextRunning = next.launch();
    const seen = polls().length;
    await until(() => polls().length > seen);
    next.stop('test');
    await nextRunning;
    expect(again).toEqual([]);
  });
});
