import { describe, it, expect, vi, afterEach } from 'vitest';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';

describe('FloodLimiter', () => {
  afterEach(() => vi.useRealTimers());

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

  it("counts a chat's interval from when its last send finished, not from when it started (a slow upload)", () => {
    vi.useFakeTimers({ now: 0 });
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 1000, groupPerMinute: 20, groupIntervalMs: 3000 });
    expect(l.reserve(7, 0)).toBe(0);
    vi.setSystemTime(700); // the photo was on the wire for 700 ms
    l.sent(7);
    expect(l.reserve(7, 700)).toBe(1700);
    expect(l.reserve(-5, 700)).toBe(700);
    vi.setSystemTime(900);
    l.sent(-5);
    expect(l.reserve(-5, 900)).toBe(3900);
    // a send that finished quickly leaves the booked spacing as it was
    expect(l.reserve(8, 900)).toBe(900);
    l.sent(8);
    expect(l.reserve(8, 900)).toBe(1900);
  });

  it('holds a chat until Telegram\'s retry_after has passed', () => {
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 1000, groupPerMinute: 20 });
    l.holdChat(9, 30_000);
    expect(l.reserve(9, 0)).toBe(30_000);
    expect(l.reserve(10, 0)).toBe(0);
  });
});

describe('FloodLimiter as the SendPacer', () => {
  it('gives no slot to a chat before its retry_after, and none to anyone in a global flood', async () => {
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 0, groupPerMinute: 1000, groupIntervalMs: 0 });
    l.reportRetryAfter(1, 0.3);
    const t0 = Date.now();
    const order: string[] = [];
    await Promise.all([
      l.acquire(1).then(() => order.push(`1@${Date.now() - t0 >= 300 ? 'after' : 'before'}`)),
      l.acquire(2).then(() => order.push('2')),
    ]);
    expect(order).toEqual(['2', '1@after']);
    // three chats refused together: a global flood holds every chat
    for (const chat of [3, 4, 5]) l.reportRetryAfter(chat, 0.2);
    const t1 = Date.now();
    await l.acquire(6);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(200);
  });

  it('a burst of 429s slows the global rate by one step, not one per chat', () => {
    const l = new FloodLimiter({ globalPerSecond: 30, privateIntervalMs: 1000, groupPerMinute: 20 });
    l.rateLimited(0);
    for (let i = 0; i < 10; i++) l.rateLimited(5);
    expect(l.slowdown).toBe(1.5);
  });

  it('an acquire waiting for its slot gives up when aborted', async () => {
    const l = new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 0, groupPerMinute: 1000 });
    l.reportRetryAfter(1, 60);
    const abort = new AbortController();
    const waiting = l.acquire(1, abort.signal);
    abort.abort();
    expect(await waiting).toBe(false);
  });
});
