/** Fuzz: 2,000 random command strings (seeded) → no handler failure, every reply accepted by the fake API. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, seedArticle, PRIVATE, GROUP, ADMIN_CHAT, KURSK, BRIDGE, type Harness } from './bot-harness.js';
import { COMMANDS } from '../../src/bot/command-list.js';
import { seededRandom } from '../support/fake-bot-api/limits.js';

/** A small seeded PRNG (the fake API's), so a failure replays. */
const rng = seededRandom;

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const COUNT = 2000;
const NAMES = [...COMMANDS.map((c) => c.command), 'admin', 'story_1', 'story_99', 'story_0', 'frob', 'START', 'Digest', 'a'.repeat(40)];
const PIECES = [
  '971', '1,000', '1 000', '$4.5bn', '12%', '-3', '+ukraine', '-football', '"interest rates"', '"unclosed', '“smart”', 'clear', 'remove',
  '07:30', '25:61', '7.30', 'default', 'Kyiv', 'Europe/Kyiv', 'UTC+3', 'UTC-13', 'GMT+14', 'Mars/Base', 'feeds', 'list', 'add', 'remove 1',
  'schedule', 'stats', 'preview', 'broadcast', 'http://127.0.0.1/feed', 'https://10.0.0.1/x', 'http://[::1]/', 'ftp://x', 'javascript:alert(1)',
  '<script>', '&amp;', '<b>', '</i>', '&', '"', "'", '\\', '%', '_', '🙂', '👩‍👩‍👧', 'مرحبا', 'דוח', '\u202E', '\u200B', '\u00A0', '0', '99999999999999999999',
  '.*(a+)+$', '((((((((((', '@KeyFiguresTestBot', '@OtherBot', '\n', '\t',
];

function randomCommand(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const roll = next();
  let name = pick(NAMES);
  if (roll < 0.05) name = Array.from({ length: 1 + Math.floor(next() * 30) }, () => pick('abcxyz_019'.split(''))).join('');
  const target = roll > 0.9 ? pick(['@KeyFiguresTestBot', '@OtherBot', '@keyfigurestestbot']) : '';
  const args: string[] = [];
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.6) args.push(pick(PIECES));
    else if (r < 0.85) args.push(String.fromCodePoint(...Array.from({ length: 1 + Math.floor(next() * 12) }, () => randomCodePoint(next))));
    else args.push(pick(PIECES).repeat(1 + Math.floor(next() * 400)));
  }
  const text = `/${name}${target}${args.length ? ' ' : ''}${args.join(pick([' ', ' ', '  ', '\n']))}`;
  return text.slice(0, 4096);
}

function randomCodePoint(next: () => number): number {
  const r = next();
  if (r < 0.4) return 0x20 + Math.floor(next() * 0x5f);
  if (r < 0.6) return 0xa0 + Math.floor(next() * 0x2000);
  if (r < 0.8) return 0x1f300 + Math.floor(next() * 0x300);
  const cp = 0x600 + Math.floor(next() * 0xd000);
  return cp >= 0xd800 && cp <= 0xdfff ? 0x41 : cp;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const feed = (await h.store.addFeed('https://world.test/rss')).feed;
  await seedArticle(h.store, { ...KURSK, feedId: feed.id });
  await seedArticle(h.store, { ...BRIDGE, feedId: feed.id });
});
afterAll(async () => {
  await h.stop();
});

describe('fuzz', () => {
  it(`${COUNT} random commands (seed ${SEED}): no failure, every reply accepted`, async () => {
    const next = rng(SEED);
    const chats = [PRIVATE, GROUP, ADMIN_CHAT];
    await h.say(PRIVATE, '/start');
    await h.say(ADMIN_CHAT, '/start');
    const started = Date.now();
    for (let i = 0; i < COUNT; i++) {
      const chat = chats[i % chats.length]!;
      h.api.sendText(chat, randomCommand(next), chat === GROUP && next() < 0.3 ? { id: ADMIN_CHAT.id } : undefined);
      // let the bot keep up in batches, as a real chat would
      if (i % 100 === 99) await settle();
    }
    await settle();
    const sentinel = await h.say(PRIVATE, '/help');
    expect(sentinel[0]!.text).toContain('/digest');
    const replies = h.api.sent().length;
    console.log(`fuzz: ${COUNT} commands → ${replies} replies, ${h.api.rejected().length} rejected, ${h.errors.length} handler errors, ${Date.now() - started} ms`);
    expect(h.errors).toEqual([]);
    expect(h.api.rejected()).toEqual([]);
    expect(replies).toBeGreaterThan(COUNT * 0.8);
  }, 60_000);
});

/** Wait until the bot has sent nothing new for 150 ms. */
async function settle(): Promise<void> {
  let last = -1;
  for (;;) {
    const now = h.api.calls().length;
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
}
