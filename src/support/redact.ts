/** Secret scrubbing: the bot token must never reach logs, errors or digests. */

/** Anything shaped like a Telegram bot token, even one we were not told about. */
const TOKEN_SHAPE = /\b\d{5,}:[A-Za-z0-9_-]{30,}\b/g;

/**
 * Replace every known secret and anything token-shaped with a marker.
 * @example redactSecrets('GET /bot123456:AAAA…/getMe failed', ['123456:AAAA…']) // 'GET /bot<redacted>/getMe failed'
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('<redacted>');
  }
  return out.replace(TOKEN_SHAPE, '<redacted>');
}
