/**
 * One leader at a time for work only one process may do (Telegram long polling: two getUpdates
 * on one token end in "409 Conflict"). Every process runs this loop; the one holding the named
 * lease leads, the others stand by and take over when it stops renewing.
 *
 * Timing: the lease lives `ttlMs` and is renewed every `renewMs`. A leader that cannot renew —
 * the store fails, or answers too slowly — steps down *before* its lease can run out (after
 * `ttlMs - renewMs` without a confirmed renewal, whether or not one is still in flight), so two
 * leaders never overlap; a standby retries every `renewMs`, so after a leader dies the work
 * resumes within `ttlMs + renewMs` (6 s + 2 s by default: inside Telegram's patience and ours, 10 s).
 * Lease times come from each process's clock: keep the fleet's clocks in sync (NTP).
 */
import type { LeaseStore } from '../store/lease-store.js';
import type { Logger } from '../support/logger.js';

export interface LeadershipOptions {
  leases: Pick<LeaseStore, 'acquireLease' | 'releaseLease'>;
  /** The lease's name, e.g. 'telegram-polling'. */
  name: string;
  /** Who this process is (host:pid:random), as it appears in the lease. */
  holder: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  ttlMs?: number;
  renewMs?: number;
  /** Called on every change: true when this process became leader, false when it stepped down. */
  onChange: (leading: boolean) => void | Promise<void>;
  now?: () => Date;
}

export interface Leadership {
  /** True while this process holds the lease. */
  leading(): boolean;
  /** Step down (release the lease so a standby takes over at once) and stop trying. */
  stop(): Promise<void>;
}

export const LEADERSHIP_DEFAULTS = { ttlMs: 6_000, renewMs: 2_000 } as const;

/**
 * Start contending for the lease at once; `onChange(true)` runs when this process leads.
 * @example const polling = followLeadership({ leases: store, name: 'telegram-polling', holder, logger, onChange })
 */
export function followLeadership(opts: LeadershipOptions): Leadership {
  const ttlMs = opts.ttlMs ?? LEADERSHIP_DEFAULTS.ttlMs;
  const renewMs = opts.renewMs ?? LEADERSHIP_DEFAULTS.renewMs;
  if (renewMs * 2 > ttlMs) throw new Error(`leadership: renewMs (${renewMs}) must be at most half of ttlMs (${ttlMs})`);
  const now = opts.now ?? (() => new Date());
  let leading = false;
  let renewedAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  /** Fires when the last confirmed renewal is about to lapse; each renewal moves it. */
  let expiry: NodeJS.Timeout | null = null;
  // Changes are applied one after another, in the order they happened.
  let changes: Promise<void> = Promise.resolve();
  let decided = false;
  /** The last confirmed renewal is about to lapse: step down now, while it still holds. */
  const lapsing = () => now().getTime() - renewedAt >= ttlMs - renewMs;
  const change = (next: boolean) => {
    if (!decided && !next) opts.logger.info({ lease: opts.name, holder: opts.holder }, 'standing by');
    decided = true;
    if (next === leading) return;
    leading = next;
    opts.logger.info({ lease: opts.name, holder: opts.holder }, next ? 'leading' : 'standing by');
    changes = changes.then(() => opts.onChange(next)).catch((err) => opts.logger.warn({ lease: opts.name, err: (err as Error).message }, 'leadership change failed'));
  };

  const attempt = async () => {
    const at = now();
    try {
      const held = await opts.leases.acquireLease(opts.name, opts.holder, { now: at, ttlMs });
      if (stopped) return;
      // An answer that took most of the lease's life is no ground to lead on: its lease is about to lapse.
      const late = now().getTime() - at.getTime() >= ttlMs - renewMs;
      if (held && late) opts.logger.warn({ lease: opts.name, holder: opts.holder }, 'lease renewed too late to rely on');
      if (held && !late) {
        renewedAt = at.getTime();
        watchExpiry();
      }
      change(held && !late);
    } catch (err) {
      // The store is unreachable: keep leading only while the last renewal surely still holds.
      opts.logger.warn({ lease: opts.name, err: (err as Error).message }, 'lease renewal failed');
      if (leading && lapsing()) change(false);
    }
  };
  // A renewal still waiting on a slow store proves nothing: step down while the last confirmed one still holds.
  const watchExpiry = () => {
    if (expiry) clearTimeout(expiry);
    expiry = setTimeout(() => {
      if (stopped || !leading) return;
      // Timers may fire a millisecond before the wall clock says they are due: look again then, never give up watching.
      if (!lapsing()) return watchExpiry();
      opts.logger.warn({ lease: opts.name, holder: opts.holder }, 'lease not renewed in time');
      change(false);
    }, Math.max(10, renewedAt + ttlMs - renewMs - now().getTime()));
  };
  let inFlight: Promise<void> = Promise.resolve();
  const loop = async () => {
    inFlight = attempt();
    await inFlight;
    if (!stopped) timer = setTimeout(() => void loop(), renewMs);
  };
  void loop();

  return {
    leading: () => leading,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (expiry) clearTimeout(expiry);
      await inFlight;
      const wasLeading = leading || renewedAt > 0;
      change(false);
      await changes;
      // Released even if we were about to step down anyway: a standby need not wait for the TTL.
      if (wasLeading) await opts.leases.releaseLease(opts.name, opts.holder).catch(() => false);
    },
  };
}
