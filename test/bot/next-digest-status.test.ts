/** /settings (the chat's status) shows the next digest as the schedule now stands: right after /time or /timezone, the new one. */
import { describe, it, expect, afterEach } from 'vitest';
import { startHarness, PRIVATE, type Harness } from './bot-harness.js';

let h: Harness;
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

const nextLine = async () => (await h.say(PRIVATE, '/settings'))[0]!.text!.split('\n').find((l) => l.startsWith('Next digest:'));

describe('next digest in /settings', () => {
  it('follows /time and /timezone at once, and the settings buttons', async () => {
    h = await startHarness();
    h.deps.now = () => new Date('2026-12-02T10:00:00Z');
    await h.say(PRIVATE, '/start');
    expect(await nextLine()).toBe('Next digest: 3 Dec, 08:00 (UTC)');
    await h.say(PRIVATE, '/time 19:45');
    expect(await nextLine()).toBe('Next digest: 2 Dec, 19:45 (UTC)');
    await h.say(PRIVATE, '/timezone UTC+3');
    expect(await nextLine()).toBe('Next digest: 2 Dec, 19:45 (UTC+3)');
    await h.say(PRIVATE, '/timezone Europe/Kyiv');
    expect(await nextLine()).toBe('Next digest: 2 Dec, 19:45 (Europe/Kyiv)');
    await h.say(PRIVATE, '/time 09:00');
    expect(await nextLine()).toBe('Next digest: 3 Dec, 09:00 (Europe/Kyiv)');
    // a settings button edits the message with the new next digest
    const [settings] = await h.say(PRIVATE, '/settings');
    await h.press(PRIVATE, settings!.message_id, 'cfg:t:def');
    const edited = h.api.message(PRIVATE.id, settings!.message_id)!.text!.split('\n').find((l) => l.startsWith('Next digest:'));
    expect(edited).not.toBe('Next digest: 3 Dec, 09:00 (Europe/Kyiv)');
    expect(edited).toBe(await nextLine());
    await h.say(PRIVATE, '/pause');
    expect(await nextLine()).toBeUndefined();
  });

  it('is said once: the digest line names the schedule, the next line when it comes; paused, neither promises a time', async () => {
    h = await startHarness();
    h.deps.now = () => new Date('2026-12-02T10:00:00Z');
    await h.say(PRIVATE, '/start');
    const lines = async () => (await h.say(PRIVATE, '/settings'))[0]!.text!.split('\n').filter((l) => /^(Digest|Next digest):/.test(l));
    expect(await lines()).toEqual(['Digest: on the default schedule', 'Next digest: 3 Dec, 08:00 (UTC)']);
    await h.say(PRIVATE, '/pause');
    expect(await lines()).toEqual(['Digest: on the default schedule']);
    await h.say(PRIVATE, '/resume');
    await h.say(PRIVATE, '/time 07:30');
    expect(await lines()).toEqual(['Digest: daily at 07:30 (UTC)', 'Next digest: 3 Dec, 07:30 (UTC)']);
  });
});
