/**
 * The card renderer's own process: it draws out of the calling process, is let go when idle, and
 * a renderer that dies fails its cards (not the caller) and is replaced on the next card.
 */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { CardRendererProcess } from '../../../src/app/picture/card-renderer-process.js';
import { cardFontFiles, CARD_FONT_STACK } from '../../../src/render/card/card-fonts.js';
import type { CardNode } from '../../../src/render/card/card-layout.js';

const LAYOUT: CardNode = {
  type: 'div',
  props: { style: { display: 'flex', width: 200, height: 100, background: '#0B1F33', color: '#FFFFFF', fontFamily: CARD_FONT_STACK, fontSize: 40 }, children: '1,234' },
};

/** Resolves when the process `pid` has exited. */
async function exited(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('CardRendererProcess', { timeout: 30_000 }, () => {
  it('draws in a process of its own and lets it go after being idle', async () => {
    const renderer = new CardRendererProcess(50);
    const png = PNG.sync.read(await renderer.draw(LAYOUT, 200, 100, cardFontFiles()));
    expect([png.width, png.height]).toEqual([200, 100]);
    const pid = renderer.pid!;
    expect(pid).not.toBe(process.pid);
    await exited(pid);
    expect(renderer.pid).toBeNull();
    // The next card starts another.
    expect(PNG.sync.read(await renderer.draw(LAYOUT, 200, 100, cardFontFiles())).width).toBe(200);
    expect(renderer.pid).not.toBe(pid);
    renderer.stop();
  });

  it('fails the cards of a renderer that died, and draws the next with a new one', async () => {
    const renderer = new CardRendererProcess();
    const drawing = renderer.draw(LAYOUT, 200, 100, cardFontFiles());
    const pid = renderer.pid!;
    process.kill(pid, 'SIGKILL');
    await expect(drawing).rejects.toThrow(/card: the renderer process exited \(SIGKILL\)/);
    const png = await renderer.draw(LAYOUT, 200, 100, cardFontFiles());
    expect(PNG.sync.read(png).height).toBe(100);
    expect(renderer.pid).not.toBe(pid);
    renderer.stop();
  });

  it('answers a card it cannot draw with the reason, and keeps drawing', async () => {
    const renderer = new CardRendererProcess();
    const missing = cardFontFiles().map((f) => ({ ...f, file: `${f.file}.missing` }));
    await expect(renderer.draw(LAYOUT, 200, 100, missing)).rejects.toThrow(/cannot read the Inter font .*run npm install/);
    const pid = renderer.pid!;
    expect(PNG.sync.read(await renderer.draw(LAYOUT, 200, 100, cardFontFiles())).width).toBe(200);
    expect(renderer.pid).toBe(pid);
    const child = renderer.pid!;
    renderer.stop();
    await exited(child);
    expect(renderer.pid).toBeNull();
  });
});
