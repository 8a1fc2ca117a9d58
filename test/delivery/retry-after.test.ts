/** The 429 bookkeeping both pacers share (RetryAfterBook), on explicit clocks. */
import { describe, it, expect } from 'vitest';
import { RetryAfterBook, CALM_MS, RETRY_MARGIN_MS } from '../../src/delivery/retry-after.js';

describe('RetryAfterBook', () => {
  it('holds a refused chat for its retry_after (plus the margin), and no other chat', () => {
    const book = new RetryAfterBook();
    expect(book.report(1, 3, 1_000)).toEqual({ until: 4_000 + RETRY_MARGIN_MS, globalFlood: false });
    expect(book.heldUntil(1)).toBe(4_000 + RETRY_MARGIN_MS);
    expect(book.heldUntil(2)).toBe(0);
    book.settle(1, 2_000); // not passed yet: kept
    expect(book.heldUntil(1)).toBe(4_000 + RETRY_MARGIN_MS);
    book.settle(1, 5_000);
    expect(book.heldUntil(1)).toBe(0);
  });

  it('three chats refused within a second are a global flood: every chat is held', () => {
    const book = new RetryAfterBook();
    book.report(1, 1, 0);
    book.report(2, 1, 300);
    expect(book.heldUntil(9)).toBe(0);
    expect(book.report(3, 2, 600).globalFlood).toBe(true);
    expect(book.heldUntil(9)).toBe(2_600 + RETRY_MARGIN_MS);
    // spread over more than a second, three refusals are not one flood
    const spread = new RetryAfterBook();
    for (const [chat, at] of [[1, 0], [2, 700], [3, 1_400]] as const) spread.report(chat, 1, at);
    expect(spread.heldUntil(9)).toBe(0);
  });

  it('slows down a step per repeated 429 (a burst is one step), up to 4×, and relaxes after calm', () => {
    const book = new RetryAfterBook();
    book.report(1, 1, 0);
    expect(book.slowdown).toBe(1);
    for (let chat = 2; chat < 12; chat++) book.report(chat, 1, 5_000); // one burst
    expect(book.slowdown).toBe(1.5);
    for (let i = 1; i <= 6; i++) book.rateLimited(5_000 + i * 1_000);
    expect(book.slowdown).toBe(4);
    book.relax(11_000 + CALM_MS - 1);
    expect(book.slowdown).toBe(4);
    book.relax(11_000 + CALM_MS + 1);
    expect(book.slowdown).toBe(4 / 1.25);
  });
});
