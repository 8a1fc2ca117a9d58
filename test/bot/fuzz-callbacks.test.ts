/**
 * Fuzz: seeded random button taps (callback queries) → no handler failure, no send the fake API
 * rejects, every query answered. Taps are on buttons the bot really produced (harvested from the
 * keyboards the fake recorded), repeated, moved to other or vanished messages, corrupted, foreign,
 * and in a group made by members as well as admins. FUZZ_CALLBACKS=20000 FUZZ_SEED=… for a longer run.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, seedArticle, PRIVATE, GROUP, ADMIN_ID, ADMIN_CHAT, KURSK, BRIDGE, type Harness, type Sender } from './bot-harness.js';
import { seededRandom } from '../support/fake-bot-api/limits.js';
import { TG } from '../support/fake-bot-api.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const COUNT = Number(process.env.FUZZ_CALLBACKS ?? 2000);
/** Taps pushed before waiting for their answers (a quick user's burst). */
const BURST = 25;

const FORUM = { id: -1_009_000_000_077, type: 'supergroup' as const, title: 'Forum', is_forum: true };
const UK = { id: 7002, type: 'private' as const, first_name: 'Olena' };
const GROUP_ADMIN: Sender = { id: 5101 };
const MEMBER: Sender = { id: 5102 };
type Chat = typeof PRIVATE | typeof GROUP | typeof ADMIN_CHAT | typeof FORUM | typeof UK;

/** Callback data of other bots and of clients gone wrong. */
const FOREIGN = [
  '', ' ', 'x', 'like:5', '{"a":1}', 'cfg:', 'cfg:t:', 'cfg:t:2400', 'cfg:t:07:00', 'cfg:p:2', 'cfg:l:de', 'cfg:l:', 'cfg:z:kyiv',
  'lang:', 'lang:de', 'lang:UK', 'st:', 'st:0:0', 'st:9999:1', 'st:1:999999999999999', 'st:-1:1', 'more:', 'more:0', 'more:1', 'more:9999',
  'sr:', 'sr:0:0', 'sr:999:0', 'sr:1:99999', 'bc:y:', 'bc:y:999', 'bc:n:0', 'bc:x:1', 'sub:offer:x', 'sub:', '\u0000', '🙂', 'ü'.repeat(32), 'a'.repeat(64),
];

/** Articles for a digest longer than one page and a search with more than one page. */
const CITY = [
  { title: 'City council approves budget of $2.1bn for next year', text: 'The city council approved a budget of $2.1bn on Monday, up 4% on last year. Spending on schools rises by $120m.' },
  { title: 'City metro carried 412 million passengers last year', text: 'The city metro carried 412 million passengers last year, a record, the operator said. Ridership rose 9% as 3 new stations opened.' },
  { title: 'City hospital opens 250-bed wing after 3 years of work', text: 'A new 250-bed wing opened at the city hospital on Tuesday. Construction took 3 years and cost £85m.' },
  { title: 'City marathon draws 38,000 runners in record field', text: 'A record 38,000 runners took part in the city marathon on Sunday. The winner finished in 2 hours 6 minutes.' },
  { title: 'City airport adds 14 routes as traffic rebounds 22%', text: 'The city airport will add 14 routes this winter after traffic rebounded 22% in the third quarter, the airport said.' },
  { title: 'City water use falls 11% after drought measures', text: 'Water use in the city fell 11% in August after drought measures, the utility said. Reservoirs are at 46% of capacity.' },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { MAX_STORIES: '3' } });
  const feed = (await h.store.addFeed('https://world.test/rss')).feed;
  await seedArticle(h.store, { ...KURSK, feedId: feed.id });
  await seedArticle(h.store, { ...BRIDGE, feedId: feed.id });
  for (const [i, a] of CITY.entries()) await seedArticle(h.store, { ...a, feedId: feed.id, minutesAgo: 40 + i });
  h.api.setChatMember(GROUP.id, GROUP_ADMIN.id, 'administrator');
  h.api.setChatMember(FORUM.id, GROUP_ADMIN.id, 'administrator');
});
afterAll(async () => {
  await h?.stop();
});

/** A tap to make: where, what, by whom. */
interface Tap {
  chat: Chat;
  messageId: number;
  data: string;
  from?: Sender;
}

describe('callback fuzz', () => {
  it(`${COUNT} random button taps (seed ${SEED}): no failure, no rejected send, every tap answered`, async () => {
    const next = seededRandom(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const chats: Chat[] = [PRIVATE, GROUP, ADMIN_CHAT, FORUM, UK];
    const topic = h.api.createTopic(FORUM, 'Numbers');
    const fromOf = (chat: Chat): Sender | undefined =>
      chat === GROUP || chat === FORUM ? (next() < 0.5 ? MEMBER : GROUP_ADMIN) : chat === UK ? { id: UK.id, language_code: 'uk' } : undefined;

    // Every kind of keyboard the bot makes, in every chat.
    const refresh = async (chat: Chat): Promise<void> => {
      const from = chat === GROUP || chat === FORUM ? GROUP_ADMIN : chat === UK ? { id: UK.id, language_code: 'uk' } : undefined;
      for (const text of ['/settings', '/digest', '/search city', '/language', '/story 1']) await h.say(chat, text, from);
      if (chat.type === 'private') await h.say(chat, 'http://127.0.0.1:9/feed.xml', from);
      if (chat === ADMIN_CHAT) await h.say(chat, `/admin broadcast Fuzz notice ${Math.floor(next() * 1000)}`, from);
      if (chat === FORUM) {
        const before = h.api.sent(FORUM.id).length;
        h.api.sendText(FORUM, '/settings', GROUP_ADMIN, { threadId: topic });
        await h.api.waitForMessages(FORUM.id, before + 1, 5000);
      }
    };
    for (const chat of chats) await h.say(chat, '/start', chat === GROUP || chat === FORUM ? GROUP_ADMIN : chat === UK ? { id: UK.id, language_code: 'uk' } : undefined);
    for (const chat of chats) await refresh(chat);

    /** Every button of every message the bot has in the chats now (keyboards as edited since). */
    const harvest = (): Array<{ chat: Chat; messageId: number; data: string }> =>
      chats.flatMap((chat) =>
        h.api.sent(chat.id).flatMap((m) => {
          const now = h.api.message(chat.id, m.message_id) as { reply_markup?: { inline_keyboard?: Array<Array<{ callback_data?: string }>> } } | undefined;
          return (now?.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [{ chat, messageId: m.message_id, data: b.callback_data }] : []));
        }),
      );

    const corrupt = (data: string): string => {
      const r = next();
      if (r < 0.25) return data.slice(0, Math.floor(next() * data.length));
      if (r < 0.5) return data.replace(/\d/g, () => String(Math.floor(next() * 10)));
      if (r < 0.7) return `${data}${pick(['0', ':', 'x', '9999', ':1'])}`;
      if (r < 0.85) return data.replace(/\d+/, '99999999999');
      return data.toUpperCase();
    };

    let pressed = 0;
    let last: Tap | undefined;
    const kinds: Record<string, number> = {};
    const byButton: Record<string, number> = {};
    const started = Date.now();
    let buttons = harvest();
    const made = new Set(buttons.map((b) => b.data.split(':').slice(0, 2).join(':')));
    for (const kind of ['cfg:t', 'cfg:p', 'cfg:z', 'cfg:l', 'cfg:c', 'cfg:d', 'st:1', 'more:2', 'lang:uk', 'sub:offer', 'bc:y']) expect(made).toContain(kind);
    expect([...made].some((d) => d.startsWith('sr:'))).toBe(true);
    for (let i = 0; i < COUNT; i++) {
      const r = next();
      const b = pick(buttons);
      let tap: Tap;
      let kind: string;
      if (r < 0.45) {
        // every kind of button as often as any other (settings buttons far outnumber the rest)
        const ofKind = byKind(buttons);
        const v = pick(ofKind.get(pick([...ofKind.keys()]))!);
        [kind, tap] = ['valid', { chat: v.chat, messageId: v.messageId, data: v.data }];
      }
      else if (r < 0.55 && last) [kind, tap] = ['repeat', last];
      else if (r < 0.65) [kind, tap] = ['other-message', { chat: b.chat, messageId: 1 + Math.floor(next() * (b.messageId + 2)), data: b.data }];
      else if (r < 0.7) [kind, tap] = ['vanished-message', { chat: b.chat, messageId: 100_000 + Math.floor(next() * 1000), data: b.data }];
      else if (r < 0.82) [kind, tap] = ['corrupted', { chat: b.chat, messageId: b.messageId, data: corrupt(b.data) }];
      else if (r < 0.92) [kind, tap] = ['foreign', { chat: b.chat, messageId: b.messageId, data: pick(FOREIGN) }];
      else {
        const other = pick(buttons);
        [kind, tap] = ['other-chat', { chat: b.chat, messageId: b.messageId, data: other.data }];
      }
      if (kind !== 'repeat') tap = { ...tap, ...(fromOf(tap.chat) ? { from: fromOf(tap.chat) } : {}) };
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (kind === 'valid') {
        const k = [...byKind([tap]).keys()][0]!;
        byButton[k] = (byButton[k] ?? 0) + 1;
      }
      h.api.pressButton(tap.chat, tap.messageId, tap.data, tap.from);
      pressed++;
      last = tap;
      if (pressed % BURST === 0 || i === COUNT - 1) {
        await idle(pressed);
        if (pressed % (BURST * 20) === 0) {
          await refresh(pick(chats)); // fresh keyboards, as a chat keeps talking
          await idle(pressed);
        }
        buttons = harvest();
      }
    }
    await idle(pressed);
    const ms = Date.now() - started;

    const answers = h.api.calls('answerCallbackQuery');
    const notModified = h.api.rejected().filter((r) => r.description === TG.messageNotModified[1]).length;
    console.log(
      `callback fuzz: ${COUNT} taps (seed ${SEED}; ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
        `valid by button: ${Object.entries(byButton).sort().map(([k, n]) => `${k} ${n}`).join(', ')}) → ` +
        `${answers.length} answered, ${h.api.sent().length} messages, ${h.api.calls('editMessageText').length} edits, ` +
        `${h.api.rejected().length} rejected (${notModified} "not modified"), ${h.errors.length} handler errors, ${ms} ms`,
    );
    expect(h.errors).toEqual([]);
    expect(h.api.rejected().map((r) => `${r.method} ${r.description}`)).toEqual([]);
    expect(answers).toHaveLength(pressed);
    expect(answers.filter((c) => c.status !== 200)).toEqual([]);
    // still answering
    expect((await h.say(PRIVATE, '/help'))[0]!.text).toContain('/digest');
  }, 120_000);
});

/** Buttons by kind: the data up to its second field ("cfg:t", "st:3", "sub:offer"). */
function byKind<T extends { data: string }>(buttons: readonly T[]): Map<string, T[]> {
  const kinds = new Map<string, T[]>();
  for (const b of buttons) {
    const kind = b.data.split(':').slice(0, 2).join(':').replace(/\d+$/, '');
    kinds.set(kind, [...(kinds.get(kind) ?? []), b]);
  }
  return kinds;
}

/** Wait until `pressed` taps are answered and everything they started has been sent. */
async function idle(pressed: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (h.api.calls('answerCallbackQuery').length < pressed) {
    if (Date.now() > deadline) throw new Error(`only ${h.api.calls('answerCallbackQuery').length} of ${pressed} taps answered`);
    await new Promise((r) => setTimeout(r, 2));
  }
  await h.lanes.idle();
  await h.deps.jobs.idle();
  await h.deps.sender.idle();
}
