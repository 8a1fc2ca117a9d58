/**
 * Migration 17: the operators' subscriber counts (/admin stats, schedule, broadcast) kept by
 * triggers in row_counts, as migration 9 keeps article and figure counts, so /admin reads four
 * numbers instead of counting 100,000 chats.
 * Shipped: never edit; add a new migration instead.
 */

/** Each counter and which subscribers rows it counts (the same text in both dialects: SQLite's 0/1 flags are truth values). */
const COUNTERS: ReadonlyArray<[name: string, condition: string]> = [
  ['subscribers_active', 'active'],
  ['subscribers_paused', 'active AND paused'],
  ['subscribers_groups', "active AND chat_type <> 'private'"],
  ['subscribers_own_time', 'active AND digest_time IS NOT NULL'],
];
const NAMES = `(${COUNTERS.map(([name]) => `'${name}'`).join(', ')})`;

/** Rows (name, n): each counter over the rows of `from`, negated when `sign` is '-'. */
const counts = (from: string, sign: '' | '-') => COUNTERS.map(([name, condition]) => `SELECT '${name}' AS name, ${sign}COUNT(*) FILTER (WHERE ${condition}) AS n FROM ${from}`).join(' UNION ALL ');

/** A trigger's one row as a table (SQLite row triggers see `new` and `old`, not tables). */
const row = (r: 'new' | 'old') => `(SELECT ${r}.active AS active, ${r}.paused AS paused, ${r}.chat_type AS chat_type, ${r}.digest_time AS digest_time)`;

/** Add to every counter what `deltas` (rows name, n) say. */
const apply = (deltas: string) => `UPDATE row_counts SET n = n + COALESCE((SELECT SUM(d.n) FROM (${deltas}) AS d WHERE d.name = row_counts.name), 0) WHERE name IN ${NAMES}`;

export const subscriberCounts = `
  INSERT INTO row_counts (name, n) ${counts('subscribers', '')};
  CREATE TRIGGER subscribers_count_insert AFTER INSERT ON subscribers BEGIN
    ${apply(counts(row('new'), ''))};
  END;
  CREATE TRIGGER subscribers_count_delete AFTER DELETE ON subscribers BEGIN
    ${apply(counts(row('old'), '-'))};
  END;
  CREATE TRIGGER subscribers_count_update AFTER UPDATE OF active, paused, chat_type, digest_time ON subscribers BEGIN
    ${apply(`${counts(row('new'), '')} UNION ALL ${counts(row('old'), '-')}`)};
  END;
`;

/** A statement trigger's function: the counters moved by the rows it added and removed (transition tables). */
const pgFunction = (name: string, deltas: string) => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${apply(deltas)};
    RETURN NULL;
  END $$;`;

/**
 * Migration 17 for PostgreSQL: once per statement, from its transition tables. PostgreSQL allows
 * those only without a column list, so every update of subscribers runs it: one pass over the
 * rows the statement changed.
 */
export const subscriberCountsPostgres = `
  INSERT INTO row_counts (name, n) ${counts('subscribers', '')};
  ${pgFunction('subscriber_counts_added', counts('added', ''))}
  ${pgFunction('subscriber_counts_removed', counts('removed', '-'))}
  ${pgFunction('subscriber_counts_changed', `${counts('added', '')} UNION ALL ${counts('removed', '-')}`)}
  CREATE TRIGGER subscribers_count_insert AFTER INSERT ON subscribers REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION subscriber_counts_added();
  CREATE TRIGGER subscribers_count_update AFTER UPDATE ON subscribers REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION subscriber_counts_changed();
  CREATE TRIGGER subscribers_count_delete AFTER DELETE ON subscribers REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION subscriber_counts_removed();
`;
