/**
 * The two ways a freshly configured bot fails to reach Telegram, said as what to fix: the token
 * is refused (mistyped, or revoked with /revoke) or the Bot API cannot be reached (no network, a
 * wrong TELEGRAM_API_ROOT). Both are the operator's to fix, so `keyfigures bot` prints one line
 * and exits instead of logging a stack trace; anything else stays an unexpected failure.
 */
import { TelegramError } from 'telegraf';

/** What to tell the operator, and the exit code (2: configuration, 1: the world outside). */
export interface StartFailure {
  message: string;
  exitCode: 1 | 2;
}

/** System error codes of a request that never reached the Bot API. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Explain a failure to talk to Telegram at `apiRoot`; null when it is not one of those.
 * @example telegramStartFailure(new TelegramError({ error_code: 401, description: 'Unauthorized' }), 'https://api.telegram.org')?.exitCode // 2
 */
export function telegramStartFailure(err: unknown, apiRoot: string): StartFailure | null {
  // Telegram answers 401 for a token it does not know, 404 for one that is not a token at all.
  if (err instanceof TelegramError && (err.code === 401 || err.code === 404)) {
    return {
      message:
        `Telegram refused TELEGRAM_BOT_TOKEN (${err.code} ${err.description}). ` +
        'Copy the token again from @BotFather (/token, or /revoke for a new one) into .env.',
      exitCode: 2,
    };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return {
      message: `could not reach the Telegram Bot API at ${apiRoot} (${code}). Check this machine's network, or TELEGRAM_API_ROOT in .env.`,
      exitCode: 1,
    };
  }
  return null;
}
