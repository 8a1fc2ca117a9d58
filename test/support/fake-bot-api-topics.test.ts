/** The fake Bot API's forum topics (message_thread_id) and photos (sendPhoto), as Telegram answers them. */
import { Telegram, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi, PNG_SIGNATURE } from './fake-bot-api.js';

const open: FakeBotApi[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function start(): Promise<FakeBotApi> {
  const fake = await FakeBotApi.start();
  open.push(fake);
  return fake;
}

/** A PNG header of the given size: all the fake (and Telegram's first check) reads. */
function pngOf(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([PNG_SIGNATURE, ihdr, Buffer.alloc(200, 7)]);
}

const FORUM = { id: -1_001_234_567_890, type: 'supergroup' as const, title: 'Newsroom', is_forum: true };

describe('forum topics', () => {
  it('a message in a topic carries its thread; sends go to the topic until it is deleted, then 400 "message thread not found"', async () => {
    const fake = await start();
    const thread = fake.createTopic(FORUM, 'Digest');
    const update = fake.sendText(FORUM, '/digest_here', { id: 5 }, { threadId: thread });
    expect(update.message).toMatchObject({ chat: { id: FORUM.id, is_forum: true }, message_thread_id: thread, is_topic_message: true });
    expect(fake.sendText(FORUM, 'in General').message).not.toHaveProperty('message_thread_id');

    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const inTopic = await telegram.sendMessage(FORUM.id, 'to the topic', { message_thread_id: thread });
    expect(inTopic).toMatchObject({ message_thread_id: thread, is_topic_message: true });
    expect(fake.sent(FORUM.id)[0]).toMatchObject({ text: 'to the topic', message_thread_id: thread });

    fake.deleteTopic(FORUM.id, thread);
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: FORUM.id, text: 'lost?', message_thread_id: thread }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"ok":false,"error_code":400,"description":"Bad Request: message thread not found"}');
    const err = await telegram.sendMessage(FORUM.id, 'lost?', { message_thread_id: thread }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramError);
    expect(err).toMatchObject({ code: 400, description: 'Bad Request: message thread not found' });
    // General still takes messages; a thread that never existed is refused the same way
    expect(await telegram.sendMessage(FORUM.id, 'to General')).not.toHaveProperty('message_thread_id');
    await expect(telegram.sendMessage(FORUM.id, 'x', { message_thread_id: 999 })).rejects.toMatchObject({ description: 'Bad Request: message thread not found' });
    fake.addChat({ id: 42, type: 'private' });
    await expect(telegram.sendMessage(42, 'x', { message_thread_id: 3 })).rejects.toMatchObject({ code: 400 });
    expect(() => fake.createTopic(42, 'no')).toThrow();
  });
});

describe('sendPhoto', () => {
  it('takes a multipart PNG upload with an HTML caption and a thread, makes Telegram\'s sizes, and can be sent again by file_id', async () => {
    const fake = await start();
    const thread = fake.createTopic(FORUM, 'Digest');
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const png = pngOf(1080, 1350);
    const message = await telegram.sendPhoto(FORUM.id, { source: png, filename: 'card.png' }, { caption: '<b>The day</b> in numbers', parse_mode: 'HTML', message_thread_id: thread });
    expect(message.photo.map((p) => `${p.width}x${p.height}`)).toEqual(['72x90', '256x320', '640x800', '1024x1280']);
    expect(message).toMatchObject({ caption: 'The day in numbers', caption_entities: [{ type: 'bold', offset: 0, length: 7 }], message_thread_id: thread });
    const [photo] = fake.photos(FORUM.id);
    expect(photo).toMatchObject({ uploaded: true, caption: 'The day in numbers', captionHtml: '<b>The day</b> in numbers', message_thread_id: thread });
    expect(photo!.content.equals(png)).toBe(true);
    expect(fake.sent()).toEqual([]); // photos are not text messages

    const again = await telegram.sendPhoto(FORUM.id, photo!.file_id);
    expect(again.photo.at(-1)!.file_id).toBe(photo!.file_id);
    expect(fake.photos(FORUM.id)[1]).toMatchObject({ uploaded: false });
    expect(fake.rejected()).toEqual([]);
  });

  it('refuses what Telegram refuses: not an image, no photo, a bad file_id, odd dimensions, a caption over 1,024', async () => {
    const fake = await start();
    fake.addChat({ id: 42, type: 'private' });
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: TelegramError) => e.description);
    expect(await refusal(telegram.sendPhoto(42, { source: Buffer.from('not an image'), filename: 'x.png' }))).toBe('Bad Request: IMAGE_PROCESS_FAILED');
    expect(await refusal(telegram.sendPhoto(42, 'AgACnope'))).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    expect(await refusal(telegram.callApi('sendPhoto', { chat_id: 42 } as never))).toBe('Bad Request: there is no photo in the request');
    expect(await refusal(telegram.sendPhoto(42, { source: pngOf(9000, 2000), filename: 'wide.png' }))).toBe('Bad Request: PHOTO_INVALID_DIMENSIONS');
    expect(await refusal(telegram.sendPhoto(42, { source: pngOf(100, 100), filename: 'a.png' }, { caption: 'й'.repeat(1025) }))).toBe('Bad Request: message caption is too long');
    expect(await refusal(telegram.sendPhoto(42, { source: pngOf(100, 100), filename: 'a.png' }, { caption: '<b>x</b>'.repeat(200), parse_mode: 'HTML' }))).toBe('accepted');
    expect(fake.photos(42)).toHaveLength(1);
  });
});
