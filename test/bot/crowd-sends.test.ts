/**
 * Issue 13's crowd cases through the fake Bot API with flood limits on (Telegram's shape, 10×
 * faster, as in conversation-load): 300 users sending /start at once, and an operator's broadcast
 * to 120 chats. Everyone is answered once, nothing is sent before a retry_after elapsed, and the
 * pacing leaves Telegram no reason to answer 429 (only the scripted ones).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { startHarness, ADMIN_CHAT, buttons, type Harness } from './bot-harness.js';

const FLOOD = { globalPerSecond: 300, privatePerSecond: 10, privateBurst: 3, groupPerMinute: 200 };
const PACER = { globalPerSecond: 250, privateIntervalMs: 100, groupPerMinute: 200, groupIntervalMs: 100 };

let h: Harness;
afterEach(async () => {
  expect(h.api.rejected().filter((r) => r.error_code !== 429)).toEqual([]);
  expect(h.api.earlySends()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

describe('a crowd at once, under flood limits', () => {
  it('300 users send /start within a moment: each is greeted once, and Telegram answers no 429', async () => {
    h = await startHarness({ floodLimits: FLOOD, pacer: PACER });
    const users = Array.from({ length: 300 }, (_, i) => ({ id: 20_000 + i, type: 'private' as const, first_name: `U${i}` }));
    for (const user of users) h.api.sendText(user, '/start');
    await until(() => users.every((u) => h.api.sent(u.id).length > 0), 20_000);
    await h.lanes.idle();
    await h.deps.sender.idle();
    expect(users.filter((u) => h.api.sent(u.id).length !== 1 || !h.api.sent(u.id)[0]!.text.startsWith('Subscribed')).map((u) => u.id)).toEqual([]);
    expect(h.api.floodCount()).toBe(0);
    expect((await h.store.subscriberCounts()).active).toBe(300);
  });

  it('a broadcast reaches every chat once through the outbox, waiting out the 429s Telegram answers', async () => {
    h = await startHarness({ floodLimits: FLOOD, pacer: PACER, outbox: true });
    const chats = Array.from({ length: 120 }, (_, i) => 30_000 + i);
    for (const chatId of chats) {
      h.api.addChat({ id: chatId, type: 'private', first_name: `R${chatId}` });
      await h.store.subscribe({ chatId, chatType: 'private', title: null }, new Date());
    }
    await h.say(ADMIN_CHAT, '/start');
    const [confirm] = await h.say(ADMIN_CHAT, '/admin broadcast Maintenance tonight');
    h.api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1, count: 5 });
    await h.press(ADMIN_CHAT, confirm!.message_id, buttons(confirm!).find((b) => b.text.startsWith('Send'))!.callback_data!);
    const report = () => h.api.message(ADMIN_CHAT.id, confirm!.message_id)?.text;
    await until(() => report()?.startsWith('Broadcast queued') === true, 20_000);
    expect(report()).toBe('Broadcast queued for 121 chats: the outbox sends it within the flood limits.');
    await until(() => [ADMIN_CHAT.id, ...chats].every((chatId) => h.api.sent(chatId).some((m) => m.text === 'Maintenance tonight')), 20_000);
    expect(chats.filter((chatId) => h.api.sent(chatId).map((m) => m.text).join('|') !== 'Maintenance tonight')).toEqual([]);
    expect(h.api.floodCount()).toBe(5);
  });
});
