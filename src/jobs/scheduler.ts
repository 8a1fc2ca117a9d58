/**
 * The only place that runs timers from cron expressions. Each job never overlaps itself: a
 * fetch cycle still running when the next tick comes is skipped, not doubled.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../support/logger.js';

/** A named job on a cron expression in a time zone. */
export interface JobSpec {
  name: string;
  cron: string;
  timezone: string;
  run: () => Promise<unknown>;
}

/**
 * True when node-cron accepts the expression (5 fields, or 6 with seconds).
 * @example isValidCron('0 8 * * *') // true
 */
export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}

/**
 * Start the jobs; returns a function that stops them all.
 * @example const stop = startJobs([{ name: 'fetch', cron: '*\/30 * * * *', timezone: 'UTC', run }], logger)
 */
export function startJobs(jobs: JobSpec[], logger: Logger): () => Promise<void> {
  const tasks: ScheduledTask[] = jobs.map((job) => {
    const task = cron.schedule(
      job.cron,
      async () => {
        try {
          await job.run();
        } catch (err) {
          logger.error({ job: job.name, err: (err as Error).message }, 'job failed');
        }
      },
      { name: job.name, timezone: job.timezone, noOverlap: true },
    );
    task.on('execution:overlap', () => logger.warn({ job: job.name }, 'previous run still busy; tick skipped'));
    return task;
  });
  return async () => {
    await Promise.all(tasks.map((t) => t.destroy()));
  };
}
