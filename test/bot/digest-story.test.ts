/** /digest, /story, /why and /figures through the fake Bot API on real stored articles. */
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { startHarness, seedArticle, PRIVATE, KURSK, BRIDGE, buttons, type Harness } from './bot-harness.js';
import { summaryRepeats } from '../../src/bot/commands/story.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.say(PRIVATE, '/start');
});
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});


/** The number a digest gives the story whose title starts with `title`. */
function storyNumber(digest: string, title: string): number {
  const m = new RegExp(`^(\\d+)\\. ${title}`, 'm').exec(digest);
  expect(m, `no story "${title}" in the digest`).not.toBeNull();
  return Number(m![1]);
}

describe('/digest', () => {
  it('sends the stories since the last digest, previews off, with a button per story', async () => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    const [digest] = await h.say(PRIVATE, '/digest');
    // Which story leads is the ranker's business (test/digest/build-digest.test.ts); here: both, numbered, with figures.
    expect(digest!.text).toMatch(/^[12]\. Ukraine captured almost 1,000 Russian soldiers/m);
    expect(digest!.text).toMatch(/^[12]\. Harbour bridge reopens/m);
    expect(digest!.text).toContain('971 Russian soldiers captured');
    expect(digest!.text).toContain('/story_1');
    expect(digest!.text).toContain('/story_2');
    const call = h.api.calls('sendMessage').at(-1)!;
    expect(call.params).toMatchObject({ parse_mode: 'HTML' });
    expect(JSON.stringify(call.params.link_preview_options)).toContain('"is_disabled":true');
    expect(buttons(digest!).map((b) => b.text)).toEqual(['Story 1', 'Story 2']);
    expect(buttons(digest!).every((b) => Buffer.byteLength(b.callback_data!) <= 64)).toBe(true);
    await vi.waitFor(async () => expect((await h.store.getSubscriber(PRIVATE.id))!.lastDigestAt).not.toBeNull());
  });

  it('says so when nothing is new, then falls back to the last 24 h after a previous digest', async () => {
    const [empty] = await h.say(PRIVATE, '/digest');
    expect(empty!.text).toContain('No new stories');
    await seedArticle(h.store, KURSK);
    await h.say(PRIVATE, '/digest');
    const [again] = await h.say(PRIVATE, '/digest');
    expect(again!.text).toContain('Nothing new since your last digest');
    expect(again!.text).toContain('971');
  });

  it('applies the chat’s topics', async () => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    await h.say(PRIVATE, '/topics -kursk');
    const [digest] = await h.say(PRIVATE, '/digest');
    expect(digest!.text).toContain('1. Harbour bridge');
    expect(digest!.text).not.toContain('Kursk');
  });
});

describe('/digest and the topic filter', () => {
  it('says how many stories the topics hid and by which words, instead of "no new stories"', async () => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    await h.say(PRIVATE, '/topics -kursk -bridge');
    const [hidden] = await h.say(PRIVATE, '/digest');
    expect(hidden!.text).toBe('No stories match your topics. 2 stories hidden by your topics: 1 mentions "kursk"; 1 mentions "bridge". Change them with /topics.');
    await h.say(PRIVATE, '/topics clear');
    await h.say(PRIVATE, '/topics +"interest rates"');
    const [none] = await h.say(PRIVATE, '/digest');
    expect(none!.text).toBe('No stories match your topics. 2 stories hidden by your topics: 2 mention none of "interest rates". Change them with /topics.');
  });
});

describe('/story', () => {
  it('/story N, /story_N and the buttons show the story with every figure and its sentence', async () => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    const [digest] = await h.say(PRIVATE, '/digest');
    // Story N is the digest's Nth, whichever order the ranker gave them.
    const kursk = storyNumber(digest!.text, 'Ukraine captured');
    const bridge = storyNumber(digest!.text, 'Harbour bridge');
    expect([kursk, bridge].sort()).toEqual([1, 2]);
    const [byCommand] = await h.say(PRIVATE, `/story ${kursk}`);
    expect(byCommand!.text).toContain('Ukraine captured almost 1,000');
    expect(byCommand!.text).toContain('70 had defended Mariupol');
    expect(byCommand!.text).toContain('Among the returnees, 70 had defended Mariupol during the 2022 siege.');
    const [byLink] = await h.say(PRIVATE, `/story_${bridge}`);
    expect(byLink!.text).toContain(`${bridge}. Harbour bridge`);
    const [byButton] = await h.press(PRIVATE, digest!.message_id, buttons(digest!)[bridge - 1]!.callback_data!, undefined, 1);
    expect(byButton!.text).toBe(byLink!.text);
  });

  it('shows each sentence once with all its figures in bold — every figure, not only the top 5 — and every source, linked', async () => {
    const sentence = 'Every day the bridge carries 1,350 lorries, 4,200 cars and 310 buses across the harbour.';
    const text = [
      'The port authority published its first traffic count on Monday.',
      sentence,
      'Tolls raised £2.1m last year, up 8% on 2024.',
      'The crossing employs 64 staff and closed for 3 days in March.',
      'Repairs <urgent> & costly: 12 cables were replaced.',
    ].join(' ');
    const title = 'Harbour bridge traffic counted for the first time';
    await seedArticle(h.store, { title, text, source: 'World Wire', link: 'https://world.test/bridge?a=1&b=2' });
    await seedArticle(h.store, { title: `${title} by the port`, text, source: 'Daily Post', link: 'https://post.test/bridge' });
    await h.say(PRIVATE, '/digest');
    const [story] = await h.say(PRIVATE, '/story 1');
    const entities = story!.entities as Array<{ type: string; offset: number; length: number; url?: string }>;
    const bold = entities.filter((e) => e.type === 'bold').map((e) => story!.text.slice(e.offset, e.length + e.offset));
    // the stored article keeps the top 5 (TOP_FIGURES); /story reads the text again for all of them
    for (const figure of ['1,350', '4,200', '310', '£2.1m', '8%', '64', '3 days', '12']) expect(bold).toContain(figure);
    // once as a sentence with figures (the summary above may quote it too)
    expect(story!.text.split(`• ${sentence}`)).toHaveLength(2);
    expect(story!.text).toContain('• Repairs <urgent> & costly: 12 cables were replaced.');
    expect(story!.text).toContain('Sources (2):');
    expect(entities.filter((e) => e.type === 'text_link').map((e) => e.url).sort()).toEqual(['https://post.test/bridge', 'https://world.test/bridge?a=1&b=2']);
  });

  it('refuses numbers outside the last digest, and asks for /digest first when there is none', async () => {
    expect((await h.say(PRIVATE, '/story 1'))[0]!.text).toContain('Send /digest first');
    await seedArticle(h.store, KURSK);
    await h.say(PRIVATE, '/digest');
    expect((await h.say(PRIVATE, '/story 5'))[0]!.text).toBe('Your last digest has one story. Try /story 1.');
  });

  it('an expired button is answered, not crashed on', async () => {
    const sent = await h.press(PRIVATE, 999, 'st:1:424242');
    expect(sent).toEqual([]);
    expect(h.api.calls('answerCallbackQuery').at(-1)!.params.text).toContain('no longer available');
  });
});

describe('/story without repeats', () => {
  it('a lead made of the listed sentences is not shown above them: each sentence appears once in the whole message', async () => {
    await seedArticle(h.store, KURSK);
    await h.say(PRIVATE, '/digest');
    const [story] = await h.say(PRIVATE, '/story 1');
    for (const sentence of KURSK.text.split(/(?<=\.) /)) expect(story!.text.split(sentence), sentence).toHaveLength(2);
    expect(story!.text).toContain('• Ukrainian forces captured 971 Russian soldiers');
  });

  it('keeps a summary that says more than the sentences', () => {
    const listed = [{ text: 'A rose 5%.' }, { text: 'B fell 2%.' }];
    expect(summaryRepeats('B fell 2%.  A rose 5%.', listed)).toBe(true);
    expect(summaryRepeats('A rose 5% while B fell.', listed)).toBe(false);
    expect(summaryRepeats('A rose 5%. C held.', listed)).toBe(false);
  });
});

describe('/why', () => {
  it.each(['971', '1,000', '1000', '1 000'])('/why %s answers with the sentence, the article and the link', async (query) => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    await h.say(PRIVATE, '/digest');
    const [why] = await h.say(PRIVATE, `/why ${query}`);
    const expected = query === '971' ? 'Ukrainian forces captured 971 Russian soldiers' : 'The 1,000-for-1,000 prisoner exchange was agreed';
    expect(why!.text).toContain(expected);
    expect(why!.text).toContain('Ukraine captured almost 1,000 Russian soldiers during Kursk offensive');
    expect(why!.html).toContain('<a href="https://news.test/');
  });

  it('finds figures of stored articles outside the last digest, with units ($48m)', async () => {
    await seedArticle(h.store, BRIDGE);
    const [why] = await h.say(PRIVATE, '/why $48m');
    expect(why!.text).toContain('repairs costing $48m');
  });

  it('says what it matched — the value asked for, or only its digits — and "$4bn" does not find "4p"', async () => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    await seedArticle(h.store, { title: 'Stamps dearer from Monday', text: 'A first-class stamp will cost 4p more from Monday, the postal service said.' });
    expect((await h.say(PRIVATE, '/why 971'))[0]!.text.split('\n')[0]).toBe('971 Russian soldiers captured in Kursk Oblast · same value as 971');
    // 48 is not $48m, but it is written there: shown, and said to be another value
    expect((await h.say(PRIVATE, '/why 48'))[0]!.text.split('\n')[0]).toMatch(/^\$48m .*· same digits as 48, another value$/);
    expect((await h.say(PRIVATE, '/why 4p'))[0]!.text).toContain('A first-class stamp will cost 4p more');
    expect((await h.say(PRIVATE, '/why $4bn'))[0]!.text).toMatch(/^No figure \$4bn/);
  });

  it('says when no figure matches', async () => {
    await seedArticle(h.store, KURSK);
    expect((await h.say(PRIVATE, '/why 123456'))[0]!.text).toMatch(/^No figure 123456/);
  });
});

describe('/figures', () => {
  it('lists the latest key figures, optionally only about some words', async () => {
    await seedArticle(h.store, KURSK);
    await seedArticle(h.store, BRIDGE);
    const [all] = await h.say(PRIVATE, '/figures');
    expect(all!.text).toContain('971');
    expect(all!.text).toContain('$48m');
    const [bridge] = await h.say(PRIVATE, '/figures bridge');
    expect(bridge!.text).toContain('$48m');
    expect(bridge!.text).not.toContain('971');
    expect((await h.say(PRIVATE, '/figures football'))[0]!.text).toContain('No figures about football');
  });
});
