/** What the bot's handlers receive: explicit dependencies, no globals. */
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';

/** Dependencies shared by every command handler. */
export interface BotDeps {
  store: Store;
  logger: Logger;
  /** The latest digest's Telegram messages, or a fresh preview when none has been built yet. */
  currentDigestParts: () => Promise<string[]>;
  /** "25 Nov, 08:00 (UTC)", or null when the schedule never fires. */
  nextDigestTime: () => string | null;
}
