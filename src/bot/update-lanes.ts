/**
 * Updates handled concurrently across chats and in order within a chat: each chat has a lane,
 * and an update's handler starts when the chat's previous one has finished. The update loop
 * only hands work to a lane and goes back to polling, so one chat's slow command never delays
 * another chat's answer.
 */

/**
 * Per-key FIFO lanes of async work.
 * @example lanes.run(String(ctx.chat.id), () => handle(ctx)); … await lanes.idle();
 */
export class UpdateLanes {
  private readonly lanes = new Map<string, Promise<void>>();

  /** Queue `work` after the key's earlier work; never rejects (`work` handles its own errors). */
  run(key: string, work: () => Promise<void>): void {
    const previous = this.lanes.get(key) ?? Promise.resolve();
    const tail = previous.then(work).catch(() => undefined);
    this.lanes.set(key, tail);
    void tail.then(() => {
      if (this.lanes.get(key) === tail) this.lanes.delete(key);
    });
  }

  /** Lanes with work queued or running. */
  get active(): number {
    return this.lanes.size;
  }

  /** Resolves once all work queued so far has finished. */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()]);
  }
}

/**
 * The lane of an update: its chat, else its sender (inline queries), else one shared lane.
 * @example laneKey({ chat: { id: 7 } }) // '7'
 */
export function laneKey(update: { chat?: { id: number } | undefined; from?: { id: number } | undefined }): string {
  if (update.chat) return String(update.chat.id);
  if (update.from) return `user:${update.from.id}`;
  return 'other';
}
