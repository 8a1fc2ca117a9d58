/** /search: newest first, whole words, paginated with buttons that edit the message in place. */
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


describe('/search', () => {
  it('pages through matches newest first and opens a result', async () => {
    for (let i = 1; i <= 7; i++) {
      await seedArticle(h.store, { title: `Grain exports reach ${i * 100} tonnes in week ${i}`, text: `Ports shipped ${i * 100} tonnes of grain in week ${i}.`, minutesAgo: 100 - i });
    }
    await seedArticle(h.store, { title: 'Grainy photos of 12 comets', text: 'Astronomers took 12 grainy photos.' });
    const [first] = await h.say(PRIVATE, '/search grain');
    expect(first!.text).toContain('7 stories · page 1 of 2');
    expect(first!.text.indexOf('week 7')).toBeLessThan(first!.text.indexOf('week 6'));
    expect(first!.text).not.toContain('comets'); // whole words only
    const older = buttons(first!).find((b) => b.text.startsWith('Older'))!;
    await h.press(PRIVATE, first!.message_id, older.callback_data!);
    const page2 = h.api.message(PRIVATE.id, first!.message_id)!;
    expect(page2.text).toContain('page 2 of 2');
    expect(page2.text).toContain('week 1');
    // pressing the same button again is answered without a "not modified" 400
    await h.press(PRIVATE, first!.message_id, older.callback_data!);
    // the buttons under page 2 open page 2's results
    const open = buttons(page2).find((b) => b.text === 'Open 6')!;
    const [story] = await h.press(PRIVATE, first!.message_id, open.callback_data!, undefined, 1);
    expect(story!.text).toContain('Grain exports reach 200 tonnes in week 2');
  });

  it('reads the page in a few round trips: its independent reads at once, its articles in one call', async () => {
    for (let i = 1; i <= 7; i++) await seedArticle(h.store, { title: `Grain exports reach ${i * 100} tonnes`, text: `Ports shipped ${i * 100} tonnes of grain.`, minutesAgo: 100 - i });
    // Each store call logs its start, waits a tick, runs, logs its end: calls made at once all start before any ends.
    const log: string[] = [];
    for (const name of ['saveSearch', 'getPreferences', 'getSubscriber', 'searchArticles', 'getArticle', 'getArticles'] as const) {
      const original = (h.store[name] as (...args: unknown[]) => Promise<unknown>).bind(h.store);
      (h.store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        const result = await original(...args);
        log.push(`end ${name}`);
        return result;
      };
    }
    const [reply] = await h.say(PRIVATE, '/search grain');
    expect(reply!.text).toContain('7 stories · page 1 of 2');
    // The command's own calls (the bot reads the chat's row before any command, for its language).
    const own = log.slice(log.indexOf('start saveSearch'));
    expect(own.slice(0, 3).sort()).toEqual(['start getPreferences', 'start getSubscriber', 'start saveSearch']);
    expect(own.slice(3, 6).sort()).toEqual(['end getPreferences', 'end getSubscriber', 'end saveSearch']);
    expect(own.slice(6)).toEqual(['start searchArticles', 'end searchArticles', 'start getArticles', 'end getArticles']);
  });

  it('says when nothing matches', async () => {
    expect((await h.say(PRIVATE, '/search zeppelin'))[0]!.text).toBe('Nothing in the last 30 days mentions zeppelin.');
  });
});
