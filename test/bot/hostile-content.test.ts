/** Hostile feed content through every reading command: not a single 400 from the fake Bot API. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, seedArticle, PRIVATE, ADMIN_CHAT, type Harness } from './bot-harness.js';

let h: Harness;
const LONG = 'Budget '.repeat(720).slice(0, 5000);
const HOSTILE = [
  { title: '<script>alert("x")</script> council approves 45 new buses', text: 'The council approved 45 new buses <script>alert(1)</script> costing $12m & more.' },
  { title: 'AT&T && "quoted" &amp; &bogus; <b>unclosed <i>tags 30%', text: 'Shares of AT&T rose 30% after <b>unclosed <i>tags & "quotes" were found in 12 filings.' },
  { title: `${LONG} 5,000 characters`, text: `${LONG}. The budget grew by 7,500 units. ${LONG}` },
  { title: '👩‍👩‍👧 Families 🎉 receive 2,400 grants 🇺🇦', text: 'About 2,400 families 👩‍👩‍👧 received grants worth €3m, officials said 🎉.' },
  { title: 'مرحبا \u202Eتقرير 17 مليون\u202C דוח 88 אחוז', text: 'الحكومة أعلنت 17 مليون. The agency reported 88% turnout \u202E in the north \u202C yesterday.' },
  { title: 'Nul\u0000 control\u0007 chars and a lone \uD800 surrogate 64 times', text: 'Engineers counted 64 faults\u0000 in\u0007 the \uDC00 grid.' },
];

beforeAll(async () => {
  h = await startHarness();
  const feed = (await h.store.addFeed('https://evil.test/<feed>&"x"')).feed;
  await h.store.recordFeedSuccess(feed.id, { title: '<b>Evil & Co</b> <script>', at: new Date() });
  await h.store.recordFeedError(feed.id, 'fetch: 500 <html>oops</html> & "bad"', new Date());
  for (const [i, a] of HOSTILE.entries()) {
    await seedArticle(h.store, {
      ...a,
      feedId: feed.id,
      source: '<i>Source & "Sons"',
      link: i % 2 === 0 ? `https://evil.test/a?x="><script>&y=${i}` : 'javascript:alert(1)',
      minutesAgo: 10 + i,
    });
  }
});
afterAll(async () => {
  await h.stop();
});

describe('hostile feed content', () => {
  it('every command renders it as valid Telegram HTML under 4,096 units, escaped', async () => {
    await h.say(PRIVATE, '/start');
    await h.say(PRIVATE, '/digest');
    const last = await h.api.waitFor((m) => m.chat_id === PRIVATE.id && m.reply_markup !== undefined, 5000);
    const parts = h.api.sent(PRIVATE.id).length - 1;
    for (let n = 1; n <= HOSTILE.length; n++) await h.say(PRIVATE, `/story ${n}`);
    for (const c of ['/why 45', '/why 30%', '/why 7,500', '/why 2,400', '/why 17', '/why 64', '/figures', '/figures script', '/search script', '/search budget', '/search "AT T"', '/search مرحبا', '/sources', '/settings', '/topics +<script> -"&amp;"']) {
      await h.say(PRIVATE, c);
    }
    const storyButtons = ((last.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard ?? []).flat();
    for (const b of storyButtons) await h.press(PRIVATE, last.message_id, b.callback_data, undefined, 1);
    await h.say(ADMIN_CHAT, '/admin feeds list');
    await h.say(ADMIN_CHAT, '/admin preview');
    await h.say(ADMIN_CHAT, '/admin stats');

    expect(h.api.rejected()).toEqual([]);
    expect(h.errors).toEqual([]);
    const replies = [...h.api.sent(PRIVATE.id), ...h.api.sent(ADMIN_CHAT.id)];
    expect(parts).toBeGreaterThan(1); // the 5,000-character title forces a split
    for (const m of replies) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      expect(m.html).not.toMatch(/<script|<\/?html|href="javascript:/i);
    }
    expect(replies.some((m) => m.text.includes('<script>alert("x")</script> council approves'))).toBe(true);
    expect(replies.some((m) => m.text.includes('👩‍👩‍👧 Families'))).toBe(true);
  });
});
