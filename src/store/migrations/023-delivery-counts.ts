/**
 * Migration 23: the outbox's counts by state (/admin stats, /status, the outbox backlog metric)
 * kept by triggers in row_counts, as migrations 9 and 17 keep articles and subscribers, so those
 * read four numbers instead of counting every delivery ever made: the outbox keeps a row per chat
 * and message (100,000 a day for 100,000 chats), and nothing else reads the old ones in bulk.
 * Shipped: never edit; add a new migration instead.
 */

const STATES = ['pending', 'sent', 'failed', 'cancelled'] as const;

/** One counter per state, from the rows there are. */
const seed = `INSERT INTO row_counts (name, n) ${STATES.map((s) => `SELECT 'deliveries_${s}', (SELECT COUNT(*) FROM deliveries WHERE state = '${s}')`).join(' UNION ALL ')};`;

/** A row's state change: one counter down, the other up (the two rows in name order in every transaction). */
const moved = (from: string, to: string) =>
  `UPDATE row_counts SET n = n + CASE WHEN name = 'deliveries_' || ${to} THEN 1 ELSE -1 END WHERE name IN ('deliveries_' || ${from}, 'deliveries_' || ${to})`;

export const deliveryCounts = `
  ${seed}
  CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'deliveries_' || new.state;
  END;
  CREATE TRIGGER deliveries_count_delete AFTER DELETE ON deliveries BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'deliveries_' || old.state;
  END;
  CREATE TRIGGER deliveries_count_state AFTER UPDATE OF state ON deliveries WHEN old.state <> new.state BEGIN
    ${moved('old.state', 'new.state')};
  END;
`;

/** Rows (name, n) of a transition table's states. */
const byState = (table: string) => `(SELECT 'deliveries_' || state AS name, COUNT(*) AS n FROM ${table} GROUP BY state) AS d`;

/**
 * Migration 23 for PostgreSQL. Inserts and deletes once per statement (an edition queues 100,000
 * rows in a few); a state change row by row, and only when the state changes: a statement trigger
 * with transition tables cannot name its columns, so it would run on every lease the senders take.
 */
export const deliveryCountsPostgres = `
  ${seed}
  CREATE FUNCTION delivery_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE row_counts SET n = row_counts.n + d.n FROM ${byState('added')} WHERE row_counts.name = d.name;
    RETURN NULL;
  END $$;
  CREATE FUNCTION delivery_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE row_counts SET n = row_counts.n - d.n FROM ${byState('removed')} WHERE row_counts.name = d.name;
    RETURN NULL;
  END $$;
  CREATE FUNCTION delivery_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${moved('OLD.state', 'NEW.state')};
    RETURN NULL;
  END $$;
  CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_added();
  CREATE TRIGGER deliveries_count_delete AFTER DELETE ON deliveries REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_removed();
  CREATE TRIGGER deliveries_count_state AFTER UPDATE OF state ON deliveries FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION delivery_counts_moved();
`;
