/**
 * The bot's side of the card renderer's process (card-renderer-main.mjs): started on the first
 * card, sent layouts, answered with PNG bytes, and let go after `idleMs` without a card. The
 * renderer's libraries and fonts (~120 MB) then never weigh on the bot's own memory; a card costs
 * the process start (a few hundred ms) when none is running, which an edition's single render can afford.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CardNode } from '../../render/card/card-layout.js';
import type { CardFontFile } from '../../render/card/card-fonts.js';

const MAIN = fileURLToPath(new URL('./card-renderer-main.mjs', import.meta.url));

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

type Answer = { id: number; png: Uint8Array; error?: undefined } | { id: number; error: string };

/**
 * One renderer process at a time, started when a card is asked for.
 * @example const png = await new CardRendererProcess().draw(layout, 1080, 1350, cardFontFiles())
 */
export class CardRendererProcess {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 30_000) {}

  /** The renderer's process id while one runs (for operators and tests). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Draw `layout` at `width`×`height` with these fonts; PNG bytes. */
  draw(layout: CardNode, width: number, height: number, fonts: readonly CardFontFile[]): Promise<Buffer> {
    const child = this.running();
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ id, layout, width, height, fonts }, (err) => {
        if (err) this.settle(id, err);
      });
    });
  }

  /** Let the renderer go now (it exits when its channel closes). */
  stop(): void {
    const child = this.child;
    this.child = null;
    if (child?.connected) child.disconnect();
  }

  private running(): ChildProcess {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.child) this.child = this.start();
    // While a card is on its way, the renderer keeps the bot's event loop alive; between cards it does not.
    this.child.ref();
    this.child.channel?.ref();
    return this.child;
  }

  private start(): ChildProcess {
    // Bare node (no loader flags of this process): the renderer is plain JavaScript.
    const child = fork(MAIN, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (answer: Answer) => {
      if (answer.error !== undefined) this.settle(answer.id, new Error(answer.error));
      else this.settle(answer.id, null, Buffer.from(answer.png.buffer, answer.png.byteOffset, answer.png.byteLength));
    });
    const gone = (why: string) => {
      if (this.child !== child) return;
      this.child = null;
      for (const id of [...this.pending.keys()]) this.settle(id, new Error(`card: the renderer process ${why}`));
    };
    child.on('exit', (code, signal) => gone(`exited (${signal ?? code})`));
    child.on('error', (err) => gone(`failed: ${err.message}`));
    return child;
  }

  private settle(id: number, err: Error | null, png?: Buffer): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    if (err) job.reject(err);
    else job.resolve(png!);
    if (this.pending.size === 0 && this.child) this.idle(this.child);
  }

  private idle(child: ChildProcess): void {
    child.unref();
    child.channel?.unref();
    this.idleTimer = setTimeout(() => {
      if (this.child === child && this.pending.size === 0) this.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}
