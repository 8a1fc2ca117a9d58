import { describe, it, expect } from 'vitest';
import { packBlocks } from '../../src/render/pack-messages.js';

describe('packBlocks', () => {
  it('keeps blocks whole and apart when they fit', () => {
    expect(packBlocks([['A', 'a1'], ['B']], 100)).toEqual(['A\na1\n\nB']);
  });

  it('starts a new message when the next block does not fit', () => {
    expect(packBlocks([['AAAA'], ['BBBB']], 8)).toEqual(['AAAA', 'BBBB']);
  });

  it('splits an oversized block between its lines, never inside one', () => {
    const parts = packBlocks([['x'], ['TITLE', 'line-1', 'line-2']], 14);
    expect(parts.every((p) => p.length <= 14)).toBe(true);
    expect(parts.join('|')).toBe('x\n\nTITLE|line-1\nline-2');
  });

  it('can open a fresh message for an oversized block so its title leads', () => {
    expect(packBlocks([['x'], ['TITLE', 'line-1', 'line-2']], 14, { oversizedStartsMessage: true })).toEqual(['x', 'TITLE\nline-1', 'line-2']);
  });

  it('skips empty lines and empty blocks', () => {
    expect(packBlocks([[], ['', 'A', '']], 10)).toEqual(['A']);
  });
});
