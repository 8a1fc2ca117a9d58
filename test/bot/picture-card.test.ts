/**
 * The picture card in Telegram: /card sends the latest edition's PNG; with the card on, a scheduled
 * digest starts with it as a photo — through the outbox, paced like any message, in the chat's topic.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Telegram } from 'telegraf';
import { BRIDGE, KURSK, PRIVATE, seedArticle, startHarness, type Harness } from './bot-harness.js';
import { PNG_SIGNATURE, type SentPhoto } from '../support/fake-bot-api.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter, type FloodLimits } from '../../src/delivery/flood-limiter.js';
import { queueDigestNow } from '../../src/delivery/queue-digests.js';
import { createLogger } from '../../src/support/logger.js';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/render/card/card-layout.js';

const logger = createLogger({ level: 'silent' });
const FORUM = { id: -1_009_000_000_002, type: 'supergroup' as const, title: 'Forum', is_forum: true };
const OTHER = { id: 7002, type: 'private' as const, first_name: 'Bo' };
const TEXT_ONLY = { id: 7003, type: 'private' as const, first_name: 'Cy' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The pixel size a PNG declares in its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** What every card photo must be: a real PNG of the card's size, not a blank one, with its caption. */
function expectCard(photo: SentPhoto): void {
  expect(photo.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(pngSize(photo.content)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
  expect(photo.content.length).toBeGreaterThan(20_000); // a blank 1080×1350 PNG compresses to a few KB
  expect(photo.caption).toMatch(/^KeyFigures · The day in numbers · \d{1,2} \w{3} \d{4}$/);
  expect(photo.caption.length).toBeLessThanOrEqual(1024);
}

async function sayTo(harness: Harness, chat: { id: number }, text: string) {
  const before = harness.api.sent(chat.id).length;
  harness.api.sendText(chat as never, text);
  return (await harness.api.waitForMessages(chat.id, before + 1, 5000))[before]!;
}

describe('/card', () => {
  it('sends the latest edition\'s card as a PNG photo, uploaded once; says so when there is none', async () => {
    h = await startHarness();
    expect((await sayTo(h, PRIVATE, '/card')).text).toBe('There is no edition with figures yet, so no card to show.');
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    await queueDigestNow({ store: h.store, logger, settings: h.deps.settings, chatId: OTHER.id }); // builds and saves the edition

    h.api.sendText(PRIVATE, '/card');
    const photo = await h.api.waitForPhoto(PRIVATE.id, 0, 10_000);
    expectCard(photo);
    expect(photo).toMatchObject({ uploaded: true, parse_mode: 'HTML' });
    expect(photo.sizes.at(-1)).toMatchObject({ width: 1024, height: 1280 });

    h.api.sendText(PRIVATE, '/card');
    expect(await h.api.waitForPhoto(PRIVATE.id, 1, 5000)).toMatchObject({ uploaded: false, file_id: photo.file_id });
    expect(h.deps.cards.renders).toBe(1);
    expect(h.api.rejected()).toEqual([]);
  });

  it('/card on|off: chat admins turn the picture card on and off; anything else gets the usage', async () => {
    h = await startHarness();
    const group = { id: -4010, type: 'group' as const, title: 'Desk' };
    const before = h.api.sent(group.id).length;
    h.api.sendText(group, '/card on', { id: 31 });
    expect((await h.api.waitForMessages(group.id, before + 1, 5000))[before]!.text).toMatch(/only this group's admins/i);
    expect((await h.store.getDeliveryOptions(group.id)).pictureCard).toBe(false);
    expect((await sayTo(h, PRIVATE, '/card on')).text).toMatch(/^Picture card on/);
    expect((await h.store.getDeliveryOptions(PRIVATE.id)).pictureCard).toBe(true);
    expect((await sayTo(h, PRIVATE, '/card sideways')).text).toMatch(/^Usage: \/card/);
    expect((await sayTo(h, PRIVATE, '/card off')).text).toMatch(/^Picture card off/);
    expect((await h.store.getDeliveryOptions(PRIVATE.id)).pictureCard).toBe(false);
  });
});

describe('picture card before the scheduled digest', () => {
  it('a chat with the card on gets the photo, then the digest; rendered once, uploaded once, in the digest topic', async () => {
    h = await startHarness({ floodLimits: {} }); // the fake enforces Telegram's flood limits
    const topic = h.api.createTopic(FORUM, 'Numbers');
    for (const chat of [PRIVATE, OTHER, TEXT_ONLY, FORUM]) {
      h.api.addChat(chat);
      await h.store.subscribe({ chatId: chat.id, chatType: chat.type, title: null }, new Date());
    }
    for (const chat of [PRIVATE, OTHER, FORUM]) await h.store.setPictureCard(chat.id, true);
    await h.store.setDigestTopic(FORUM.id, topic);
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    const queued = await queueDigestNow({ store: h.store, logger, settings: h.deps.settings });
    expect(queued.chats).toBe(4);

    const pace: FloodLimits = { globalPerSecond: 100, privateIntervalMs: 400, groupPerMinute: 20 };
    const sender = new TelegrafSender(new Telegram(h.api.token, { apiRoot: h.api.apiRoot }));
    const report = await drainOutbox({ store: h.store, sender, logger, limiter: new FloodLimiter(pace), cards: h.deps.cards });
    expect(report.failed).toBe(0);

    for (const chat of [PRIVATE, OTHER, FORUM]) {
      const [photo] = h.api.photos(chat.id);
      const [text] = h.api.sent(chat.id);
      expectCard(photo!);
      expect(text!.text).toMatch(/^KeyFigures · /);
      expect(photo!.message_id).toBeLessThan(text!.message_id); // the photo first
    }
    expect(h.api.photos(FORUM.id)[0]).toMatchObject({ message_thread_id: topic });
    expect(h.api.sent(FORUM.id).every((m) => m.message_thread_id === topic)).toBe(true);
    expect(h.api.photos(TEXT_ONLY.id)).toEqual([]);
    expect(h.api.sent(TEXT_ONLY.id).length).toBeGreaterThan(0);
    expect(h.api.photos().filter((p) => p.uploaded)).toHaveLength(1); // later chats got it by file_id
    expect(h.deps.cards.renders).toBe(1);
    expect(h.api.floodCount()).toBe(0);
    expect(h.api.rejected()).toEqual([]);
  });

  it('the photo takes a send slot like any message: the text follows it a chat interval later, with no 429', async () => {
    h = await startHarness({ floodLimits: {} });
    h.api.addChat(PRIVATE);
    await h.store.subscribe({ chatId: PRIVATE.id, chatType: 'private', title: null }, new Date());
    await h.store.setPictureCard(PRIVATE.id, true);
    await seedArticle(h.store, KURSK);
    await queueDigestNow({ store: h.store, logger, settings: h.deps.settings });
    const pace: FloodLimits = { globalPerSecond: 100, privateIntervalMs: 400, groupPerMinute: 20 };
    const sender = new TelegrafSender(new Telegram(h.api.token, { apiRoot: h.api.apiRoot }));
    await drainOutbox({ store: h.store, sender, logger, limiter: new FloodLimiter(pace), cards: h.deps.cards });
    const sends = h.api.calls().filter((c) => /^send(Photo|Message)$/.test(c.method));
    expect(sends.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(pace.privateIntervalMs - 25);
    expect(h.api.floodCount()).toBe(0);
  });
});
