/**
 * Slow work a command starts and answers later (feed discovery for /subscribe, a broadcast): run
 * outside the chat's update lane so the chat — and the bot — stay responsive, with failures logged
 * and shutdown able to wait for what is running.
 */
import type { Logger } from '../support/logger.js';

/**
 * A set of running jobs.
 * @example jobs.run('subscribe', async () => { … await edit(result) });
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Start `work` now; its failure is logged, never thrown at the caller. */
  run(name: string, work: () => Promise<void>): void {
    const job: Promise<void> = work()
      .catch((err: unknown) => this.logger.error({ job: name, err: (err as Error).message }, 'background job failed'))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Resolves once every job started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
