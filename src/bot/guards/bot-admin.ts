/** The bot's operators (ADMIN_IDS). */
import type { BotDeps } from '../bot-deps.js';

/**
 * True when the Telegram user is one of the bot's operators.
 * @example isBotAdmin(deps, ctx.from?.id ?? null)
 */
export function isBotAdmin(deps: Pick<BotDeps, 'adminIds'>, userId: number | null | undefined): boolean {
  return typeof userId === 'number' && deps.adminIds.includes(userId);
}
