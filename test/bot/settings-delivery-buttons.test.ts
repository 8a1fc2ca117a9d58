/** /settings buttons for what only /card on|off and /digest_here could change: the picture card, and the digest's topic in a forum. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import { startHarness, seedArticle, PRIVATE, GROUP, KURSK, BRIDGE, buttons, type Harness, type Sender } from './bot-harness.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { queueDigestNow } from '../../src/delivery/queue-digests.js';
import { createLogger } from '../../src/support/logger.js';

const FORUM = { id: -1_009_000_000_002, type: 'supergroup' as const, title: 'Newsroom forum', is_forum: true };
const ADMIN: Sender = { id: 777 };
const MEMBER: Sender = { id: 4242 };
const ADMINS_ONLY = "Sorry — only this group's admins";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.api.setChatMember(GROUP.id, ADMIN.id, 'administrator');
  h.api.setChatMember(FORUM.id, ADMIN.id, 'administrator');
});
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

const labels = (m: { reply_markup?: unknown }) => buttons(m).map((b) => b.text);
const dataOf = (m: { reply_markup?: unknown }, label: string) => buttons(m).find((b) => b.text === label)!.callback_data!;
const lastNotice = () => String(h.api.calls('answerCallbackQuery').at(-1)!.params.text ?? '');

/** /settings in a forum topic (undefined: General), by `from`. */
async function settingsIn(threadId: number | undefined, from: Sender) {
  const before = h.api.sent(FORUM.id).length;
  h.api.sendText(FORUM, '/settings', from, threadId === undefined ? {} : { threadId });
  return (await h.api.waitForMessages(FORUM.id, before + 1, 5000))[before]!;
}

describe('/settings: picture card', () => {
  it('shows the card off with a button that turns it on, and back off; the message follows', async () => {
    await h.say(PRIVATE, '/start');
    const [settings] = await h.say(PRIVATE, '/settings');
    expect(settings!.text).toContain('Picture card: off');
    expect(settings!.text).not.toContain('Digest topic'); // no topics here
    expect(labels(settings!)).toContain('🖼 Picture card: turn on');
    expect(labels(settings!).some((l) => l.startsWith('📌'))).toBe(false);

    await h.press(PRIVATE, settings!.message_id, dataOf(settings!, '🖼 Picture card: turn on'));
    expect((await h.store.getDeliveryOptions(PRIVATE.id)).pictureCard).toBe(true);
    const on = h.api.message(PRIVATE.id, settings!.message_id)!;
    expect(on.text).toContain('Picture card: on — the day in numbers before each digest');
    expect(labels(on)).toContain('🖼 Picture card: turn off');
    expect(lastNotice()).toBe('Saved.');

    await h.press(PRIVATE, settings!.message_id, dataOf(on, '🖼 Picture card: turn off'));
    expect((await h.store.getDeliveryOptions(PRIVATE.id)).pictureCard).toBe(false);
    expect(h.api.message(PRIVATE.id, settings!.message_id)!.text).toContain('Picture card: off');
    // /card on is seen by the next /settings
    await h.say(PRIVATE, '/card on');
    expect(labels((await h.say(PRIVATE, '/settings'))[0]!)).toContain('🖼 Picture card: turn off');
  });

  it('in a group only admins may turn it on', async () => {
    await h.say(GROUP, `/start@${h.api.bot.username}`, ADMIN);
    const [settings] = await h.say(GROUP, '/settings', MEMBER);
    const on = dataOf(settings!, '🖼 Picture card: turn on');
    await h.press(GROUP, settings!.message_id, on, MEMBER);
    expect(lastNotice()).toContain('admins');
    expect((await h.store.getDeliveryOptions(GROUP.id)).pictureCard).toBe(false);
    await h.press(GROUP, settings!.message_id, on, ADMIN);
    expect((await h.store.getDeliveryOptions(GROUP.id)).pictureCard).toBe(true);
  });

  it('is labelled in the chat\'s language', async () => {
    const UK = { id: 7003, type: 'private' as const, first_name: 'Olena' };
    await h.say(UK, '/start', { id: UK.id, language_code: 'uk' });
    const [settings] = await h.say(UK, '/settings', { id: UK.id, language_code: 'uk' });
    expect(settings!.text).toContain('Картка «День у цифрах»: вимкнено');
    expect(labels(settings!)).toContain('🖼 Увімкнути картку');
  });
});

describe('/settings: the digest topic in a forum', () => {
  it('an admin sends the digest to the topic the settings are in, and back to General; members are refused', async () => {
    const topic = h.api.createTopic(FORUM, 'Daily numbers');
    h.api.sendText(FORUM, '/start', ADMIN);
    await h.api.waitForMessages(FORUM.id, 1, 5000);

    const inTopic = await settingsIn(topic, MEMBER);
    expect(inTopic.message_thread_id).toBe(topic);
    expect(inTopic.text).toContain('Digest topic: General');
    const here = dataOf(inTopic, '📌 Digests to this topic');
    expect(labels(inTopic)).not.toContain('📌 Digests to General');

    h.api.pressButton(FORUM, inTopic.message_id, here, MEMBER);
    await waitAnswered(1);
    expect(lastNotice()).toContain('admins');
    expect((await h.store.getDeliveryOptions(FORUM.id)).digestTopic).toBeNull();

    h.api.pressButton(FORUM, inTopic.message_id, here, ADMIN);
    await waitAnswered(2);
    expect((await h.store.getDeliveryOptions(FORUM.id)).digestTopic).toBe(topic);
    const moved = h.api.message(FORUM.id, inTopic.message_id)!;
    expect(moved.text).toContain('Digest topic: this topic');
    expect(labels(moved)).toEqual(expect.arrayContaining(['📌 Digests to General']));
    expect(labels(moved)).not.toContain('📌 Digests to this topic');

    // seen from General: another topic, with a button to bring digests back
    const inGeneral = await settingsIn(undefined, ADMIN);
    expect(inGeneral.message_thread_id).toBeUndefined();
    expect(inGeneral.text).toContain('Digest topic: another topic');

    // the scheduled digest arrives in the chosen topic
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    const queued = await queueDigestNow({ store: h.store, logger: createLogger({ level: 'silent' }), settings: h.deps.settings, chatId: FORUM.id });
    const before = h.api.sent(FORUM.id).length;
    await drainOutbox({
      store: h.store,
      sender: new TelegrafSender(new Telegram(h.api.token, { apiRoot: h.api.apiRoot })),
      logger: createLogger({ level: 'silent' }),
      limiter: new FloodLimiter({ globalPerSecond: 100_000, privateIntervalMs: 0, groupPerMinute: 1_000_000, groupIntervalMs: 0 }),
    });
    const digest = h.api.sent(FORUM.id).slice(before);
    expect(digest).toHaveLength(queued.queued);
    for (const part of digest) expect(part.message_thread_id).toBe(topic);

    h.api.pressButton(FORUM, inGeneral.message_id, dataOf(inGeneral, '📌 Digests to General'), ADMIN);
    await waitAnswered(3);
    expect((await h.store.getDeliveryOptions(FORUM.id)).digestTopic).toBeNull();
    expect(h.api.message(FORUM.id, inGeneral.message_id)!.text).toContain('Digest topic: General');
    expect(labels(h.api.message(FORUM.id, inGeneral.message_id)!).some((l) => l.startsWith('📌'))).toBe(false);
  });
});

async function waitAnswered(count: number): Promise<void> {
  while (h.api.calls('answerCallbackQuery').length < count) await new Promise((r) => setTimeout(r, 5));
  await h.lanes.idle();
  await h.deps.sender.idle();
}
