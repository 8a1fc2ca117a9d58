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
});
