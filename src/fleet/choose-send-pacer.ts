/**
 * Which SendPacer a process uses. On PostgreSQL several processes may send on one token, so
 * their slots are booked in the database (one flood budget for the fleet); on the embedded
 * SQLite default one process sends and paces itself in memory.
 */
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { SendPacer } from '../delivery/send-pacer.js';
import { floodLimiter } from '../bot/bot-deps.js';
import { SharedSendPacer } from './shared-send-pacer.js';

/**
 * The pacer for this process: shared through the store on PostgreSQL, in memory otherwise.
 * @example const pacer = chooseSendPacer(config, store, logger)
 */
export function chooseSendPacer(config: Pick<Config, 'sendRatePerSecond' | 'database'>, store: Store, logger: Logger): SendPacer {
  if (config.database.kind !== 'postgres') return floodLimiter(config);
  return new SharedSendPacer(store, { globalPerSecond: config.sendRatePerSecond, privateIntervalMs: 1000, groupPerMinute: 20 }, logger);
}
