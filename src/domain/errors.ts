/**
 * Named errors: each carries a stable `code` a caller can branch on, and a message that says
 * where and what (and, where one exists, the fix).
 */

/** Why a feed could not be fetched or parsed. */
export type FetchErrorCode =
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network'
  | 'not_a_feed'
  | 'empty'
  | 'bad_url'
  /** A redirect to somewhere that cannot be fetched (file:, data:, …): the feed's fault, not the caller's input. */
  | 'bad_redirect'
  | 'blocked_address'
  | 'file_not_found';

/**
 * A feed or page fetch that failed.
 * @example new FetchError('http_status', 'fetch: 403 Forbidden', { url, status: 403 })
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly context: { url: string; status?: number; retryAfter?: string | null } = { url: '' },
  ) {
    super(message);
  }
}

/** Configuration that cannot be used; `problems` lists every one, each naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A command-line usage mistake; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
