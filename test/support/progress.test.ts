import { describe, it, expect } from 'vitest';
import { startProgress, formatDuration } from '../../src/support/progress.js';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { isTTY, out, write: (c: string) => out.push(c) };
}

describe('startProgress', () => {
  it('prints plain lines with counts and ETA when not on a terminal', () => {
    let t = 0;
    const s = stream(false);
    const p = startProgress('import', 4, { stream: s, now: () => t, plainEvery: 2 });
    for (const url of ['a', 'b', 'c', 'd']) {
      t += 1000;
      p.tick(url);
    }
    p.done('4 added');
    expect(s.out).toEqual(['import: 2/4 b ETA 2.0 s\n', 'import: 4/4 d\n', 'import: done in 4.0 s — 4 added\n']);
  });

  it('redraws one bar on a terminal', () => {
    const s = stream(true);
    const p = startProgress('backfill', 2, { stream: s, now: () => 0 });
    p.tick();
    p.tick();
    expect(s.out[0]).toMatch(/^\rbackfill \[#{12}\.{12}\] 1\/2/);
    expect(s.out[1]).toMatch(/^\rbackfill \[#{24}\] 2\/2/);
  });
});

describe('formatDuration', () => {
  it.each([
    [1200, '1.2 s'],
    [185_000, '3 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
