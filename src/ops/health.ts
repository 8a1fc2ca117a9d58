/**
 * Health as data: given what the process knows, is it healthy, and if not, why. Pure, so the
 * rules are tested without a server.
 */

/** What the health check looks at. */
export interface HealthInputs {
  now: Date;
  /** Did the last getUpdates round-trip (or webhook delivery) succeed recently? */
  pollingAliveAt: Date | null;
  /** Result of a write probe against the database. */
  databaseWritable: boolean;
  /** Why the write probe failed, shown with the reason. */
  databaseError?: string;
  /** When the last fetch cycle finished, and how often they are due. */
  lastFetchCycleAt: Date | null;
  fetchIntervalMs: number;
  startedAt: Date;
  /** How long polling may be silent before it counts as dead (long polls hold up to ~50 s). */
  pollingGraceMs?: number;
}

/** 200 with ok, or 503 with every reason. */
export interface HealthReport {
  ok: boolean;
  reasons: string[];
}

/**
 * Judge health: polling alive, database writable, last fetch cycle within twice its interval.
 * @example checkHealth({ now, pollingAliveAt: now, databaseWritable: true, lastFetchCycleAt: now, fetchIntervalMs: 1_800_000, startedAt })
 */
export function checkHealth(h: HealthInputs): HealthReport {
  const reasons: string[] = [];
  const grace = h.pollingGraceMs ?? 120_000;
  const since = (d: Date) => h.now.getTime() - d.getTime();
  if (!h.pollingAliveAt ? since(h.startedAt) > grace : since(h.pollingAliveAt) > grace) {
    reasons.push(h.pollingAliveAt ? `Telegram polling silent for ${Math.round(since(h.pollingAliveAt) / 1000)} s` : 'Telegram polling has not started');
  }
  if (!h.databaseWritable) reasons.push(`database is not writable${h.databaseError ? `: ${h.databaseError}` : ''}`);
  const limit = 2 * h.fetchIntervalMs;
  const reference = h.lastFetchCycleAt ?? h.startedAt;
  if (since(reference) > limit) {
    reasons.push(
      h.lastFetchCycleAt
        ? `last fetch cycle ${Math.round(since(h.lastFetchCycleAt) / 60_000)} min ago (limit ${Math.round(limit / 60_000)} min)`
        : `no fetch cycle has finished in ${Math.round(since(h.startedAt) / 60_000)} min`,
    );
  }
  return { ok: reasons.length === 0, reasons };
}
