import { describe, it, expect } from 'vitest';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';

describe('FloodLimiter', () => {
  it('spaces messages to one private chat at least 1 s apart', () => {
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 1000, groupPerMinute: 20 });
    const slots = [0, 0, 0].map(() => l.reserve(7, 0));
    expect(slots).toEqual([0, 1000, 2000]);
  });

  it('keeps the global rate across chats', () => {
    const l = new FloodLimiter({ globalPerSecond: 25, privateIntervalMs: 1000, groupPerMinute: 20 });
    const slots = Array.from({ length: 50 }, (_, i) => l.reserve(i + 1, 0));
    const inFirstSecond = slots.filter((t) => t < 1000).length;
    expect(inFirstSecond).toBe(25);
    expect(slots[49]).toBeLessThan(2000);
  });

  it('allows at most 20 messages a minute to a group', () => {
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 1000, groupPerMinute: 20 });
    const slots = Array.from({ length: 21 }, () => l.reserve(-5, 0));
    const firstMinute = slots.filter((t) => t < 60_000).length;
    expect(firstMinute).toBe(20);
    expect(slots[20]).toBeGreaterThanOrEqual(60_000);
  });

  it('holds a chat until Telegram\'s retry_after has passed', () => {
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 1000, groupPerMinute: 20 });
    l.holdChat(9, 30_000);
    expect(l.reserve(9, 0)).toBe(30_000);
    expect(l.reserve(10, 0)).toBe(0);
  });
});
