/** /time, /timezone, /pause, /resume, /settings and its buttons, /admin, and group permissions. */
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { startHarness, seedArticle, PRIVATE, GROUP, ADMIN_ID, ADMIN_CHAT, KURSK, buttons, type Harness } from './bot-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});


describe('/time, /timezone, /pause, /resume', () => {
  it('need a subscription', async () => {
    for (const c of ['/time 07:30', '/timezone Kyiv', '/pause', '/resume']) {
      expect((await h.say(PRIVATE, c))[0]!.text).toBe('This chat is not subscribed yet. Send /start first.');
    }
  });

  it('set the digest time and zone (IANA, city, UTC±h), and reset them', async () => {
    await h.say(PRIVATE, '/start');
    expect((await h.say(PRIVATE, '/time 7:30'))[0]!.text).toBe('Done: your digest arrives daily at 07:30 (UTC).');
    expect((await h.say(PRIVATE, '/timezone europe/kyiv'))[0]!.text).toContain('Time zone set to Europe/Kyiv');
    expect((await h.say(PRIVATE, '/timezone New York'))[0]!.text).toContain('America/New_York');
    const [utc3] = await h.say(PRIVATE, '/timezone UTC+3');
    expect(utc3!.text).toBe('Time zone set to UTC+3. Your digest arrives daily at 07:30 (UTC+3).'); // not "Etc/GMT-3"
    expect((await h.say(PRIVATE, '/settings'))[0]!.text).toContain('Time zone: UTC+3');
    expect((await h.say(PRIVATE, '/timezone Atlantis'))[0]!.text).toMatch(/^Unknown time zone "Atlantis"/);
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ digestTime: '07:30', timezone: 'Etc/GMT-3' });
    await h.say(PRIVATE, '/time default');
    await h.say(PRIVATE, '/timezone default');
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ digestTime: null, timezone: null });
  });

  it('pause and resume', async () => {
    await h.say(PRIVATE, '/start');
    expect((await h.say(PRIVATE, '/pause'))[0]!.text).toMatch(/^Paused/);
    expect((await h.say(PRIVATE, '/pause'))[0]!.text).toMatch(/^Already paused/);
    expect((await h.store.getSubscriber(PRIVATE.id))!.paused).toBe(true);
    expect((await h.say(PRIVATE, '/resume'))[0]!.text).toMatch(/^Resumed/);
    expect((await h.store.getSubscriber(PRIVATE.id))!.paused).toBe(false);
  });
});

describe('a paused chat', () => {
  it('/time, /timezone and /time without a time say the digest waits for /resume, and promise no next digest', async () => {
    await h.say(PRIVATE, '/start');
    await h.say(PRIVATE, '/pause');
    expect((await h.say(PRIVATE, '/time 07:30'))[0]!.text).toBe('Done: once you /resume, your digest arrives daily at 07:30 (UTC). Digests are paused until then.');
    expect((await h.say(PRIVATE, '/timezone UTC+3'))[0]!.text).toBe('Time zone set to UTC+3. Once you /resume, your digest arrives daily at 07:30 (UTC+3); digests are paused until then.');
    await h.say(PRIVATE, '/time default');
    expect((await h.say(PRIVATE, '/time'))[0]!.text).toBe('Digests are paused — /resume to get them again. After that your digest arrives on the default schedule.');
    expect((await h.say(PRIVATE, '/resume'))[0]!.text).toMatch(/^Resumed: your digest arrives on the default schedule — next \d{1,2} \w{3}, 08:00 \(UTC\+3\)\.$/);
  });
});

describe('a default zone of Etc/GMT-3', () => {
  it('is shown as UTC+3 wherever a zone is shown: /start, /settings, /timezone, /admin schedule and stats', async () => {
    await h.stop();
    h = await startHarness({ env: { TIMEZONE: 'Etc/GMT-3' } });
    await seedArticle(h.store, KURSK);
    const replies = [
      ...(await h.say(PRIVATE, '/start')),
      ...(await h.say(PRIVATE, '/settings')),
      ...(await h.say(PRIVATE, '/timezone')),
      ...(await h.say(ADMIN_CHAT, '/admin schedule')),
      ...(await h.say(ADMIN_CHAT, '/admin stats')),
    ].map((m) => m.text);
    expect(replies[0]).toMatch(/Next digest: \d{1,2} \w{3}, 08:00 \(UTC\+3\)\./);
    expect(replies[1]).toContain('Time zone: UTC+3 (default)');
    expect(replies[2]).toMatch(/^Your time zone: UTC\+3 \(the default\)/);
    expect(replies[3]).toContain('Default digest: 0 8 * * * in UTC+3');
    expect(replies[3]).toMatch(/Next default digest: \d{1,2} \w{3}, 08:00 \(UTC\+3\)/);
    expect(replies[4]).toMatch(/last fetched: \d{1,2} \w{3}, \d\d:\d\d \(UTC\+3\), 30 min ago/);
    for (const text of replies) expect(text).not.toContain('Etc/');
  });
});

describe('/settings', () => {
  it('shows everything and its buttons change time and pause in place', async () => {
    await h.say(PRIVATE, '/start');
    const [settings] = await h.say(PRIVATE, '/settings');
    expect(settings!.text).toContain('Status: subscribed');
    const data = buttons(settings!).map((b) => b.callback_data);
    expect(data).toContain('cfg:t:0700');
    expect(data).toContain('cfg:p:1');
    await h.press(PRIVATE, settings!.message_id, 'cfg:t:0700');
    expect((await h.store.getSubscriber(PRIVATE.id))!.digestTime).toBe('07:00');
    expect(h.api.message(PRIVATE.id, settings!.message_id)!.text).toContain('daily at 07:00 (UTC)');
    await h.press(PRIVATE, settings!.message_id, 'cfg:p:1');
    expect((await h.store.getSubscriber(PRIVATE.id))!.paused).toBe(true);
    expect(h.api.message(PRIVATE.id, settings!.message_id)!.text).toContain('Status: paused');
    // the same press again changes nothing and is still answered
    await h.press(PRIVATE, settings!.message_id, 'cfg:p:1');
    expect(h.api.calls('answerCallbackQuery')).toHaveLength(3);
  });
});

describe('groups', () => {
  it('a member reads but cannot change settings; an operator can; refusals change nothing', async () => {
    await h.say(GROUP, `/start@${h.api.bot.username}`, { id: ADMIN_ID });
    for (const c of ['/time 07:30', '/timezone Kyiv', '/pause', '/topics +x', '/unsubscribe 1', '/stop']) {
      expect((await h.say(GROUP, c))[0]!.text).toBe("Sorry — only this group's admins can change its settings.");
    }
    expect(await h.store.getSubscriber(GROUP.id)).toMatchObject({ active: true, paused: false, digestTime: null });
    expect((await h.store.getPreferences(GROUP.id)).include).toEqual([]);
    // reading is for everyone
    expect((await h.say(GROUP, '/topics'))[0]!.text).toContain('No filter');
    expect((await h.say(GROUP, '/digest'))[0]!.text).toContain('No new stories');
    // a bot operator counts as an admin of any group
    expect((await h.say(GROUP, '/time 07:30', { id: ADMIN_ID }))[0]!.text).toContain('daily at 07:30');
  });

  it('one rule for every setting, /start included: a member cannot subscribe the group, an admin can; then a member\'s /start just greets', async () => {
    expect((await h.say(GROUP, `/start@${h.api.bot.username}`))[0]!.text).toBe("Sorry — only this group's admins can subscribe it to KeyFigures.");
    expect(await h.store.getSubscriber(GROUP.id)).toBeNull();
    h.api.setChatMember(GROUP.id, 5002, 'administrator');
    expect((await h.say(GROUP, `/start@${h.api.bot.username}`, { id: 5002 }))[0]!.text).toContain('Subscribed');
    expect((await h.say(GROUP, `/start@${h.api.bot.username}`))[0]!.text).toContain('already subscribed');
  });

  it('a group administrator or creator (getChatMember) may change settings; a plain member is refused', async () => {
    const ADMIN = { id: 5001 };
    const OWNER = { id: 5002 };
    const MEMBER = { id: 5003 };
    h.api.setChatMember(GROUP.id, ADMIN.id, 'administrator');
    h.api.setChatMember(GROUP.id, OWNER.id, 'creator');
    h.api.setChatMember(GROUP.id, MEMBER.id, 'member');
    await h.say(GROUP, `/start@${h.api.bot.username}`, ADMIN);
    expect((await h.say(GROUP, '/time 06:15', MEMBER))[0]!.text).toBe("Sorry — only this group's admins can change its settings.");
    expect((await h.store.getSubscriber(GROUP.id))!.digestTime).toBeNull();
    expect((await h.say(GROUP, '/time 07:30', ADMIN))[0]!.text).toContain('daily at 07:30');
    expect((await h.store.getSubscriber(GROUP.id))!.digestTime).toBe('07:30');
    expect((await h.say(GROUP, '/pause', OWNER))[0]!.text).toMatch(/^Paused/);
    // demoted: refused again, nothing changes
    h.api.setChatMember(GROUP.id, ADMIN.id, 'member');
    expect((await h.say(GROUP, '/time 09:00', ADMIN))[0]!.text).toBe("Sorry — only this group's admins can change its settings.");
    expect(await h.store.getSubscriber(GROUP.id)).toMatchObject({ digestTime: '07:30', paused: true });
    const asked = h.api.calls('getChatMember').map((c) => [Number(c.params.chat_id), Number(c.params.user_id)]);
    expect(asked).toEqual(expect.arrayContaining([[GROUP.id, MEMBER.id], [GROUP.id, ADMIN.id], [GROUP.id, OWNER.id]]));
  });

  it('settings buttons in a group are refused for members', async () => {
    await h.say(GROUP, `/start@${h.api.bot.username}`, { id: ADMIN_ID });
    const [settings] = await h.say(GROUP, '/settings');
    await h.press(GROUP, settings!.message_id, 'cfg:p:1');
    expect((await h.store.getSubscriber(GROUP.id))!.paused).toBe(false);
    expect(String(h.api.calls('answerCallbackQuery').at(-1)!.params.text)).toContain('admins');
  });

  it('an anonymous group admin (posting as the group) may change settings', async () => {
    await h.say(GROUP, `/start@${h.api.bot.username}`, { id: ADMIN_ID });
    const before = h.api.sent(GROUP.id).length;
    h.api.pushUpdate({
      message: {
        message_id: 900, date: Math.floor(Date.now() / 1000), chat: GROUP, text: '/pause',
        from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' },
        sender_chat: { id: GROUP.id, type: 'group', title: GROUP.title },
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    const [reply] = (await h.api.waitForMessages(GROUP.id, before + 1, 5000)).slice(before);
    expect(reply!.text).toMatch(/^Paused/);
  });
});

describe('/admin', () => {
  it('refuses anyone not in ADMIN_IDS politely, and changes nothing', async () => {
    await h.store.addFeed('https://world.test/rss');
    for (const c of ['/admin stats', '/admin feeds remove 1', '/admin broadcast hi']) {
      expect((await h.say(PRIVATE, c))[0]!.text).toBe('Sorry — /admin is only for the operators of this bot.');
    }
    expect(await h.store.listFeeds()).toHaveLength(1);
  });

  it('feeds list/add/remove, schedule, stats, preview', async () => {
    await h.say(ADMIN_CHAT, '/start');
    expect((await h.say(ADMIN_CHAT, '/admin'))[0]!.text).toMatch(/^Usage: \/admin feeds/);
    expect((await h.say(ADMIN_CHAT, '/admin feeds list'))[0]!.text).toContain('No feeds');
    const [added] = await h.say(ADMIN_CHAT, '/admin feeds add http://127.0.0.1:9/none.xml');
    expect(added!.text).toMatch(/^Could not add that feed/); // nothing listens there: fetched (private allowed), failed
    const feed = (await h.store.addFeed('https://world.test/rss')).feed;
    expect((await h.say(ADMIN_CHAT, '/admin feeds list'))[0]!.text).toContain('https://world.test/rss');
    expect((await h.say(ADMIN_CHAT, `/admin feeds remove ${feed.id}`))[0]!.text).toBe(`Removed feed ${feed.id}.`);
    expect(await h.store.listFeeds()).toEqual([]);
    expect((await h.say(ADMIN_CHAT, '/admin schedule'))[0]!.text).toContain('Default digest: 0 8 * * * in UTC');
    await seedArticle(h.store, KURSK);
    const [stats] = await h.say(ADMIN_CHAT, '/admin stats');
    expect(stats!.text).toContain('Subscribers: 1 active');
    expect(stats!.text).toMatch(/last fetched: \d+ \w{3}, \d\d:\d\d \(UTC\), 30 min ago/); // local and relative, not raw ISO
    const [preview] = await h.say(ADMIN_CHAT, '/admin preview');
    expect(preview!.text).toContain('Preview');
    expect(preview!.text).toContain('971');
    expect(h.api.sent(PRIVATE.id)).toEqual([]);
  });

  it('admin commands are refused in a group, even for an operator', async () => {
    expect((await h.say(GROUP, '/admin stats', { id: ADMIN_ID }))[0]!.text).toContain('only in a private chat');
  });

  it('broadcast asks for confirmation and sends once, through the outbox', async () => {
    await h.stop();
    h = await startHarness({ outbox: true });
    await h.say(PRIVATE, '/start');
    await h.say(ADMIN_CHAT, '/start');
    const [confirm] = await h.say(ADMIN_CHAT, '/admin broadcast Maintenance <tonight> & tomorrow');
    expect(confirm!.text).toContain('Send this to 2 chats?');
    const greeted = h.api.sent(PRIVATE.id).length;
    const yes = buttons(confirm!).find((b) => b.text.startsWith('Send'))!.callback_data!;
    // someone else pressing it (forwarded data) changes nothing
    await h.press(PRIVATE, confirm!.message_id, yes, { id: PRIVATE.id });
    expect(h.api.sent(PRIVATE.id)).toHaveLength(greeted);
    await h.press(ADMIN_CHAT, confirm!.message_id, yes, undefined, 1);
    expect(h.api.sent(PRIVATE.id).at(-1)!.text).toBe('Maintenance <tonight> & tomorrow');
    await vi.waitFor(() => expect(h.api.message(ADMIN_ID, confirm!.message_id)!.text).toBe('Broadcast queued for 2 chats: the outbox sends it within the flood limits.'));
    await h.press(ADMIN_CHAT, confirm!.message_id, yes);
    expect(h.api.sent(PRIVATE.id).filter((m) => m.text.startsWith('Maintenance'))).toHaveLength(1);
  });
});
