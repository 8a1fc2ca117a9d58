/** The ChatDeliveryStore contract (digest topic, picture card) on every adapter, and what the outbox reads of it. */
import { it, expect } from 'vitest';
import { describeEachStore } from './adapters.js';
import { textView } from '../support/digest-views.js';

/** Telegram supergroup ids: beyond 32 bits, as real ones are. */
const FORUM = -1001234567890;
const OTHER = -1001234567891;
const AT = '2026-11-24T08:00:00.000Z';

describeEachStore('Chat delivery options', (current) => {
  it('keeps a topic and a card choice per chat; a topic is dropped only while it is still the one that failed', async () => {
    const { store } = current();
    expect(await store.getDeliveryOptions(FORUM)).toEqual({ digestTopic: null, pictureCard: false });
    await store.setDigestTopic(FORUM, 2_147_483_650);
    await store.setPictureCard(FORUM, true);
    await store.setPictureCard(OTHER, true);
    await store.setPictureCard(OTHER, false);
    expect(await store.getDeliveryOptions(FORUM)).toEqual({ digestTopic: 2_147_483_650, pictureCard: true });
    expect(await store.getDeliveryOptions(OTHER)).toEqual({ digestTopic: null, pictureCard: false });
    expect([...(await store.pictureCardChats([FORUM, OTHER, 5]))]).toEqual([FORUM]);

    expect(await store.dropDigestTopic(FORUM, 7)).toBe(false); // an admin chose another topic meanwhile
    expect(await store.dropDigestTopic(FORUM, 2_147_483_650)).toBe(true);
    expect(await store.dropDigestTopic(FORUM, 2_147_483_650)).toBe(false); // a second sender: already done
    expect(await store.getDeliveryOptions(FORUM)).toEqual({ digestTopic: null, pictureCard: true });
  });

  it('a claimed outbox row carries the chat\'s topic as it is at claim time, and the options follow a migrated group', async () => {
    const { store } = current();
    await store.subscribe({ chatId: -100, chatType: 'group', title: 'G' }, new Date(AT));
    await store.subscribe({ chatId: FORUM, chatType: 'supergroup', title: 'F' }, new Date(AT));
    await store.setDigestTopic(FORUM, 12);
    const digest = await store.saveDigest({ date: '2026-11-24', createdAt: new Date(AT), timezone: 'UTC', stories: [] });
    await store.enqueueEdition(digest.id, [{ view: textView(['one', 'two']), messages: 2, chatIds: [FORUM, -100] }], null);
    const claim = () => store.claimDeliveries('w', { now: new Date(AT), limit: 10, leaseMs: 30_000, staleBefore: new Date('2000-01-01T00:00:00.000Z') });
    await store.heartbeat({ owner: 'w', kind: 'test', pid: 1 }, new Date(AT));
    const first = await claim();
    expect(first.map((r) => [r.chatId, r.part, r.threadId])).toEqual([[FORUM, 0, 12], [-100, 0, null]]);
    await store.releaseLeases('w');
    await store.dropDigestTopic(FORUM, 12);
    expect((await claim()).find((r) => r.chatId === FORUM)?.threadId).toBeNull();

    await store.setPictureCard(-100, true);
    await store.migrateChat(-100, OTHER);
    expect(await store.getDeliveryOptions(OTHER)).toEqual({ digestTopic: null, pictureCard: true });
    expect(await store.getDeliveryOptions(-100)).toEqual({ digestTopic: null, pictureCard: false });
  });
});
