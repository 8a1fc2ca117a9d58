/** Named leases and once-only claims: what a fleet of processes needs to agree on who does what. */

/** The current holder of a named lease. */
export interface LeaseHolder {
  holder: string;
  /** ISO time the lease ends unless renewed. */
  until: string;
}

/** Leases: one holder per name at a time (a polling leader, a singleton job); keys claimed once. */
export interface LeaseStore {
  /**
   * Take or renew the lease `name` for `holder` until `now + ttlMs`: true when `holder` has it now
   * (it was free, expired, or already theirs), false when someone else holds it.
   */
  acquireLease(name: string, holder: string, opts: { now: string; ttlMs: number }): Promise<boolean>;
  /** Give the lease up at once; true when `holder` had it. */
  releaseLease(name: string, holder: string): Promise<boolean>;
  /** Who holds `name` at `now`, or null when it is free (never taken, released or expired). */
  leaseHolder(name: string, now: string): Promise<LeaseHolder | null>;
  /** Claim `key` for `holder`: true the first time across every process, false ever after (a cron tick fires once). */
  claimOnce(key: string, holder: string, at: string): Promise<boolean>;
}
