/**
 * Issue 13's "done when": 50 chats × 20 rapid commands and button taps through the fake Bot API
 * with flood limits on (scaled down 10× so the test takes seconds) and extra scripted 429s: every
 * answer arrives, in order per chat, and nothing is sent to a chat before its retry_after elapsed.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { runConversationLoad } from './conversation-load.js';
import type { Harness } from './bot-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('conversation under flood limits', () => {
  it('50 chats × 20 rapid commands and taps: 0 answers lost, 0 sends before retry_after, each chat in order', { timeout: 90_000 }, async () => {
    const report = await runConversationLoad({
      chats: 50,
      steps: 20,
      // Telegram's shape, 10× faster: 10 msg/s per private chat (burst 3), 200/min per group, 300/s overall
      floodLimits: { globalPerSecond: 300, privatePerSecond: 10, privateBurst: 3, groupPerMinute: 200 },
      pacer: { globalPerSecond: 250, privateIntervalMs: 100, groupPerMinute: 200, groupIntervalMs: 100 },
      inject429: 12,
      timeoutMs: 60_000,
    });
    h = report.harness;
    const { harness: _h, ...numbers } = report;
    console.info('conversation load', JSON.stringify({ ...numbers, errors: numbers.errors.length }));
    expect(report.errors).toEqual([]);
    expect(report.arrived).toBe(report.expected);
    expect(report.outOfOrder).toEqual([]);
    expect(report.early).toBe(0);
    expect(report.flood429).toBeGreaterThanOrEqual(12); // the scripted ones at least: the retry path ran
  });
});
