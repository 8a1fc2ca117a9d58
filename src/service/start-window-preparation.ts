/**
 * The figures window kept ranked ahead of the asks. /figures and /digest's "last hours" rank
 * the day's articles once per minute for every chat (see bot/recent-digests.ts); this does that
 * work before anyone asks — 10 s before each minute turns, and after each fetch cycle stores
 * new articles — so that no command pays it. The window is dated in every time zone chats use
 * (each zone's copy reads the series changes of the window's figures: two queries over every
 * story, which the first ask of a chat in another zone paid). The latest edition's stories are
 * read for /story at the same times (see prepareStories).
 */
import type { BotDeps } from '../bot/bot-deps.js';
import type { Logger } from '../support/logger.js';
import { prepareWindow } from '../bot/chat-digest.js';
import { minuteFloor } from '../bot/recent-digests.js';
import { prepareStories } from '../bot/commands/story.js';

/** How long before a minute turns its window is ranked. */
const LEAD_MS = 10_000;
/** How long the zones chats use are reused before they are read again: a chat's new /time zone is prepared within this. */
const ZONES_REUSE_MS = 10 * 60_000;
/**
 * Zones dated at most each minute: RecentDigests keeps 32 builds, and a minute's ranking with its
 * copies must stay among them until the next minute's (more zones than this: the rest are dated
 * by their first ask, as before).
 */
export const MAX_PREPARED_ZONES = 15;

/**
 * The zones to date the window in: the default first, then those of chats' own schedules, each once.
 * @example zonesToPrepare('UTC', [{ timezone: 'Asia/Tokyo', digestTime: null }, { timezone: null, digestTime: '07:00' }]) // ['UTC', 'Asia/Tokyo']
 */
export function zonesToPrepare(defaultZone: string, schedules: ReadonlyArray<{ timezone: string | null }>): string[] {
  const zones = [defaultZone, ...schedules.flatMap((s) => (s.timezone ? [s.timezone] : []))];
  return [...new Set(zones)].slice(0, MAX_PREPARED_ZONES);
}

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
  let zones: { readAt: number; schedules: Array<{ timezone: string | null }> } | null = null;
  const zonesInUse = async (at: Date) => {
    if (zones === null || Math.abs(at.getTime() - zones.readAt) >= ZONES_REUSE_MS) {
      zones = { readAt: at.getTime(), schedules: await opts.deps.store.schedulesInUse() };
    }
    return zonesToPrepare(opts.timezone(), zones.schedules);
  };
  const prepare = (at: Date) => {
    if (stopped) return;
    track(zonesInUse(at).then((tzs) => prepareWindow(opts.deps, at, tzs)), 'preparing the figures window failed');
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
    now: () => prepare(opts.deps.now()),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all([...underWay]);
    },
  };
}
