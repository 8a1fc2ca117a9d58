/**
 * Button taps the callback fuzz found mishandled: taps of data that is not on the tapped message,
 * taps on a message Telegram no longer gives the bot, and quick or stale taps that made the bot ask
 * for an edit to identical content (400 "message is not modified").
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { startHarness, seedArticle, PRIVATE, buttons, type Harness } from './bot-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

/** Push taps without waiting between them (a quick double tap), then wait until all are answered. */
async function tapAll(taps: Array<{ messageId: number; data: string }>): Promise<void> {
  const before = h.api.calls('answerCallbackQuery').length;
  for (const t of taps) h.api.pressButton(PRIVATE, t.messageId, t.data);
  while (h.api.calls('answerCallbackQuery').length < before + taps.length) await new Promise((r) => setTimeout(r, 5));
  await h.lanes.idle();
  await h.deps.sender.idle();
}

const lastNotice = () => String(h.api.calls('answerCallbackQuery').at(-1)!.params.text ?? '');

describe('button taps', () => {
  it('a tap whose data is not on the tapped message (stale or forged) changes nothing and says the button expired', async () => {
    await h.say(PRIVATE, '/start');
    const [help] = await h.say(PRIVATE, '/help');
    await h.press(PRIVATE, help!.message_id, 'cfg:t:0700');
    expect((await h.store.getSubscriber(PRIVATE.id))!.digestTime).toBeNull();
    expect(lastNotice()).toMatch(/expired/i);
    const [settings] = await h.say(PRIVATE, '/settings');
    await h.press(PRIVATE, settings!.message_id, 'cfg:p:1'); // pause: the button becomes "resume"
    await h.press(PRIVATE, settings!.message_id, 'cfg:t:0130'); // a time the keyboard never offered
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ paused: true, digestTime: null });
    expect(lastNotice()).toMatch(/expired/i);
    expect(h.api.calls('editMessageText')).toHaveLength(1);
  });

  it('a tap on a message Telegram no longer gives the bot is applied, and the settings arrive as a new message', async () => {
    await h.say(PRIVATE, '/start');
    const before = h.api.sent(PRIVATE.id).length;
    await h.press(PRIVATE, 100_000, 'cfg:t:0700', undefined, 1); // InaccessibleMessage (date 0)
    expect((await h.store.getSubscriber(PRIVATE.id))!.digestTime).toBe('07:00');
    const [fresh] = h.api.sent(PRIVATE.id).slice(before);
    expect(fresh!.text).toContain('daily at 07:00 (UTC)');
    expect(buttons(fresh!).map((b) => b.text)).toContain('✓ 07:00');
    expect(h.api.calls('editMessageText')).toHaveLength(0);
  });

  it('two quick taps on one settings message: the second is measured against what the first showed, not the stale tap', async () => {
    await h.say(PRIVATE, '/start');
    const [settings] = await h.say(PRIVATE, '/settings');
    // both taps carry the message as it was before either (default time marked)
    await tapAll([
      { messageId: settings!.message_id, data: 'cfg:t:0700' },
      { messageId: settings!.message_id, data: 'cfg:t:def' },
    ]);
    expect((await h.store.getSubscriber(PRIVATE.id))!.digestTime).toBeNull();
    const shown = h.api.message(PRIVATE.id, settings!.message_id)!;
    expect(buttons(shown).map((b) => b.text)).toContain('07:00');
    expect(buttons(shown).map((b) => b.text)).not.toContain('✓ 07:00');
    expect(h.api.calls('editMessageText')).toHaveLength(2);
  });

  it('a stale settings message set back to what it shows is not edited (no "message is not modified")', async () => {
    await h.say(PRIVATE, '/start');
    const [a] = await h.say(PRIVATE, '/settings');
    const [b] = await h.say(PRIVATE, '/settings');
    await h.press(PRIVATE, b!.message_id, 'cfg:t:0700');
    await h.press(PRIVATE, a!.message_id, 'cfg:t:def'); // a still shows the default time
    expect((await h.store.getSubscriber(PRIVATE.id))!.digestTime).toBeNull();
    expect(lastNotice()).toMatch(/saved/i);
    expect(h.api.calls('editMessageText')).toHaveLength(1);
  });

  it('a double tap on "Older" under search results edits once', async () => {
    for (let i = 1; i <= 7; i++) {
      await seedArticle(h.store, { title: `Grain exports reach ${i * 100} tonnes in week ${i}`, text: `Ports shipped ${i * 100} tonnes of grain in week ${i}.`, minutesAgo: 100 - i });
    }
    const [first] = await h.say(PRIVATE, '/search grain');
    const older = buttons(first!).find((x) => x.text.startsWith('Older'))!;
    await tapAll([
      { messageId: first!.message_id, data: older.callback_data! },
      { messageId: first!.message_id, data: older.callback_data! },
    ]);
    expect(h.api.message(PRIVATE.id, first!.message_id)!.text).toContain('page 2 of 2');
    expect(h.api.calls('editMessageText')).toHaveLength(1);
  });
});
