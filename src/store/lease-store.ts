/** Named leases: what a fleet of processes needs to agree on who does one thing at a time (the polling leader). */

/** Leases: one holder per name at a time (a polling leader, a singleton job). */
export interface LeaseStore {
  /**
   * Take or renew the lease `name` for `holder` until `now + ttlMs`: true when `holder` has it now
   * (it was free, expired, or already theirs), false when someone else holds it.
   */
  acquireLease(name: string, holder: string, opts: { now: Date; ttlMs: number }): Promise<boolean>;
  /** Give the lease up at once; true when `holder` had it. */
  releaseLease(name: string, holder: string): Promise<boolean>;
}
