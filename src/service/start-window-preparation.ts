/**
 * The figures window kept ranked ahead of the asks. /figures and /digest's "last hours" rank
 * the day's articles once per minute for every chat (see bot/recent-digests.ts); this does that
 * work before anyone asks — 10 s before each minute turns, and after each fetch cycle stores
 * new articles — so that no command pays it. The latest edition's stories are read for /story
 * at the same times (see prepareStories).
 */
import type { BotDeps } from '../bot/bot-deps.js';
import type { Logger } from '../support/logger.js';
import { prepareWindow } from '../bot/chat-digest.js';
import { minuteFloor } from '../bot/recent-digests.js';
import { prepareStories } from '../bot/commands/story.js';

/** How long before a minute turns its window is ranked. */
const LEAD_MS = 10_000;

/** A running preparation. */
export interface WindowPreparation {
  /** Rank the current minute's window now (new articles were stored). */
  now(): void;
  /**
   * Prepare nothing more, and resolve once the preparations under way are done: they read the
   * store, so the caller closes it only after this (else a bot failing at start logged "database
   * connection is not open" warnings as it exited).
   */
  stop(): Promise<void>;
}

/**
 * Start preparing each minute's window (dated in the default time zone `timezone()`).
 * @example const window = startWindowPreparation({ deps: telegram.deps, logger, timezone: () => schedule.current.timezone })
 */
export function startWindowPreparation(opts: { deps: BotDeps; logger: Logger; timezone: () => string }): WindowPreparation {
  const underWay = new Set<Promise<void>>();
  let stopped = false;
  const track = (work: Promise<unknown>, what: string) => {
    const done = work.then(
      () => undefined,
      (err) => opts.logger.warn({ err: (err as Error).message }, what),
    );
    underWay.add(done);
    void done.finally(() => underWay.delete(done));
  };
  const prepare = (at: Date) => {
    if (stopped) return;
    track(prepareWindow(opts.deps, at, [opts.timezone()]), 'preparing the figures window failed');
    // A new edition's stories read for /story (once an edition: a no-op until the next one).
    track(prepareStories(opts.deps), "preparing the edition's stories failed");
  };
  let timer: NodeJS.Timeout | null = null;
  const each = (minute: number) => {
    timer = setTimeout(() => {
      prepare(new Date(minute));
      // After a stall (a suspended machine), on to the next minute to come, not each one missed.
      each(Math.max(minute, minuteFloor(new Date()).getTime()) + 60_000);
    }, Math.max(0, minute - LEAD_MS - Date.now()));
    timer.unref();
  };
  each(minuteFloor(new Date()).getTime() + 60_000);
  return {
    now: () => prepare(new Date()),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all([...underWay]);
    },
  };
}
