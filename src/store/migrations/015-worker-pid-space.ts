/**
 * Migration 15: which process table a sender lives in. `delivery_workers.pid_space` names it
 * (the machine's boot id and the sender's PID namespace): a sender in the same one can ask the
 * kernel whether `pid` still runs, and take back the leases of one that died (kill -9, OOM) at
 * once instead of after the heartbeat lapses. NULL where that cannot be known (not Linux).
 * Shipped: never edit; add a new migration instead.
 */
export const workerPidSpace = `
  ALTER TABLE delivery_workers ADD COLUMN pid_space TEXT;
`;

/** Migration 15 for PostgreSQL (the same column). */
export const workerPidSpacePostgres = workerPidSpace;
