/** The bot's basic commands, driven through the fake Bot API with the real telegraf update loop. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { startHarness, PRIVATE, GROUP, ADMIN_ID, type Harness } from './bot-harness.js';
import { COMMANDS } from '../../src/bot/command-list.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

describe('bot commands', () => {
  it('registers every command with setMyCommands', () => {
    expect(h.api.myCommands().map((c) => c.command)).toEqual(COMMANDS.map((c) => c.command));
  });

  it('/start subscribes once, greets with an example figure, the schedule and three useful commands', async () => {
    const [first] = await h.say(PRIVATE, '/start');
    expect(first!.text).toContain('Subscribed');
    expect(first!.text).toContain('971 Russian soldiers captured');
    expect(first!.text).toMatch(/Next digest: \d+ \w+, 08:00 \(UTC\)/);
    for (const c of ['/digest', '/why', '/settings']) expect(first!.text).toContain(c);
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ active: true, chatType: 'private' });
    const [second] = await h.say(PRIVATE, '/start');
    expect(second!.text).toContain('already subscribed');
  });

  it('/stop unsubscribes and /start brings the chat back, also after a block', async () => {
    await h.say(PRIVATE, '/start');
    expect((await h.say(PRIVATE, '/stop'))[0]!.text).toMatch(/^Unsubscribed/);
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ active: false });
    expect((await h.say(PRIVATE, '/stop'))[0]!.text).toContain('were not subscribed');
    expect((await h.say(PRIVATE, '/start'))[0]!.text).toContain('Welcome back');
    await h.store.deactivate(PRIVATE.id, 'blocked by the user');
    expect((await h.say(PRIVATE, '/start'))[0]!.text).toContain('Welcome back');
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ active: true, deactivatedReason: null });
  });

  it('/help lists every registered command with a usage line', async () => {
    const [help] = await h.say(PRIVATE, '/help');
    for (const c of h.api.myCommands()) expect(help!.text).toContain(`/${c.command}`);
    expect(help!.text).not.toContain('/admin');
  });

  it('answers an unknown command with a one-line pointer to /help; plain text gets a hint', async () => {
    h.api.sendText(PRIVATE, 'hello there');
    const [hint, unknown] = await h.say(PRIVATE, '/frobnicate now', undefined, 2);
    expect(hint!.text).toMatch(/^I answer commands/);
    expect(unknown!.text).toBe('Unknown command /frobnicate. Send /help for the list.');
  });

  it.each([
    ['/story', 'Usage: /story N'],
    ['/story abc', 'Usage: /story N'],
    ['/why', 'Usage: /why <number>'],
    ['/why soldiers', 'Usage: /why <number>'],
    ['/search', 'Usage: /search <words>'],
    ['/subscribe', 'Usage: /subscribe <n|url>'],
    ['/subscribe ftp://x', 'Usage: /subscribe <n|url>'],
    ['/unsubscribe x', 'Usage: /unsubscribe <n>'],
    ['/time 25:00', 'Usage: /time HH:MM'],
    ['/topics remove', 'Usage: /topics'],
  ])('bad arguments: %s gets one usage line', async (command, usage) => {
    const [reply] = await h.say(PRIVATE, command);
    expect(reply!.text.startsWith(usage)).toBe(true);
    expect(reply!.text).not.toContain('\n');
  });

  it('in a group: /start@ThisBot subscribes the group; commands for another bot are ignored', async () => {
    h.api.sendText(GROUP, '/start@OtherBot');
    h.api.sendText(GROUP, '/unknown@OtherBot');
    const [ok] = await h.say(GROUP, `/start@${h.api.bot.username}`, { id: ADMIN_ID });
    expect(ok!.text).toContain('Subscribed');
    expect(h.api.sent(GROUP.id)).toHaveLength(1);
    expect(await h.store.getSubscriber(GROUP.id)).toMatchObject({ chatType: 'group', title: 'Newsroom' });
  });

  it('a failing handler answers politely and keeps polling', async () => {
    await h.store.close(); // every store call now throws
    const [sorry] = await h.say(PRIVATE, '/start');
    expect(sorry!.text).toContain('something went wrong');
    const [help] = await h.say(PRIVATE, '/help');
    expect(help!.text).toContain('/digest');
    expect(h.errors.length).toBeGreaterThan(0);
    (h as { store: unknown }).store = openSqliteStore(':memory:');
  });

  it('never triggers a Telegram 400', async () => {
    await h.say(PRIVATE, '/start');
    await h.say(PRIVATE, '/help');
    await h.say(PRIVATE, '/digest');
    expect(h.api.rejected()).toEqual([]);
  });
});
