import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { archiveDigest } from '../../src/app/archive-digest.js';
import { CARD_DIGEST } from '../render/card/card-digest.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-edition-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('archiveDigest', { timeout: 30_000 }, () => {
  it('writes the picture card beside the .md, and a later edition without figures of the same date removes it', async () => {
    const files = await archiveDigest(dir, CARD_DIGEST);
    expect(files).toEqual({ markdown: path.join(dir, '2026-11-24.md'), json: path.join(dir, '2026-11-24.json'), card: path.join(dir, '2026-11-24.png') });
    expect(fs.readFileSync(files.card!).subarray(1, 4).toString()).toBe('PNG');
    expect(fs.readFileSync(files.markdown, 'utf8')).toContain('![The day in numbers](2026-11-24.png)');

    const bare = { ...CARD_DIGEST, stories: CARD_DIGEST.stories.map((s) => ({ ...s, figures: [] })) };
    expect((await archiveDigest(dir, bare)).card).toBeNull();
    expect(fs.existsSync(path.join(dir, '2026-11-24.png'))).toBe(false);
    expect(fs.readFileSync(files.markdown, 'utf8')).not.toContain('.png');
  });
});
