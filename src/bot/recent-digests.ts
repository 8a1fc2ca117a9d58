/**
 * Digests built in the last minute, shared by the chats that ask for the same window.
 *
 * /figures and /digest's "last 24 hours" rank every article of the window before a chat's own
 * filter applies; at 1,000 articles a day that build is most of a command's time, and it is the
 * same for every chat asking within the same minute (same window and articles; chat-digest.ts
 * ranks once for every time zone and keeps a cheap dated copy per zone). The
 * window's start is rounded down to the minute by the callers, and the key holds the store's
 * article and figure counts and newest fetch time, so an article stored meanwhile is never missed;
 * a build is reused for at most a minute whatever happens.
 */
import type { Digest } from '../domain/types.js';

/** How long a build is reused. */
export const REUSE_MS = 60_000;
/** Builds kept at once: a window's ranking, plus its dated copy per time zone in use (copies share the stories). */
const MAX_ENTRIES = 32;

interface Entry {
  builtAt: number;
  digest: Promise<Digest>;
}

/** A small cache of recent builds; concurrent asks for the same key share one build. */
export class RecentDigests {
  private readonly entries = new Map<string, Entry>();

  /**
   * The build for `key` made less than REUSE_MS before `now`, else a new one from `build`.
   * A failed build is not kept.
   * @example await recent.get(`${since.toISOString()}|${tz}`, now, () => buildIt())
   */
  get(key: string, now: Date, build: () => Promise<Digest>): Promise<Digest> {
    const t = now.getTime();
    const hit = this.entries.get(key);
    if (hit !== undefined && t - hit.builtAt < REUSE_MS && t >= hit.builtAt) return hit.digest;
    const digest = build();
    this.entries.delete(key);
    this.entries.set(key, { builtAt: t, digest });
    digest.catch(() => {
      if (this.entries.get(key)?.digest === digest) this.entries.delete(key);
    });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return digest;
  }
}

/**
 * `d` rounded down to the minute: windows of "the last N hours" asked within one minute are one window.
 * @example minuteFloor(new Date('2026-12-02T10:15:42Z')) // 2026-12-02T10:15:00Z
 */
export function minuteFloor(d: Date): Date {
  return new Date(d.getTime() - (d.getTime() % 60_000));
}
