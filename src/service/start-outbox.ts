/** The bot's outbox worker: sends queued digest parts continuously, within the flood limits. */
import { Telegram } from 'telegraf';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { SendPacer } from '../delivery/send-pacer.js';
import type { EditionCards } from '../delivery/edition-cards.js';
import type { Metrics } from '../ops/metrics.js';
import { OutboxWorker, type DrainReport } from '../delivery/outbox.js';
import { TelegrafSender } from '../delivery/telegraf-sender.js';

/** A running outbox worker. */
export interface RunningOutbox {
  /** The id the worker leases rows under (also this process's name in the polling lease). */
  owner: string;
  /** New rows were queued: look now. */
  wake(): void;
  /** Finish the sends on the wire, give back the rest of the leases; what the worker did. */
  stop(): Promise<DrainReport>;
}

/**
 * Register the worker's heartbeat and start sending.
 * @example const outbox = await startOutbox({ token, config, store, logger, pacer, cards })
 */
export async function startOutbox(deps: {
  token: string;
  config: Config;
  store: Store;
  logger: Logger;
  /** The same pacer as the bot's replies. */
  pacer: SendPacer;
  /** Picture cards, shared with /card. */
  cards: EditionCards;
  metrics?: Metrics | undefined;
}): Promise<RunningOutbox> {
  const { config, store, logger, metrics } = deps;
  // The outbox keeps its durable retry bookkeeping (each 429 and error recorded on the row), so it
  // sends with a plain client, taking its slots from the same pacer as the bot's replies.
  const sender = new TelegrafSender(new Telegram(deps.token, { apiRoot: config.telegram.apiRoot }));
  const worker = new OutboxWorker({
    store,
    sender,
    logger,
    limiter: deps.pacer,
    maxInFlight: config.sendInFlight,
    kind: 'bot',
    language: config.language,
    cards: deps.cards,
    ...(metrics ? { metrics } : {}),
  });
  await worker.start();
  const sending = worker.run().catch((err) => logger.error({ err: (err as Error).message }, 'outbox worker failed'));
  return {
    owner: worker.owner,
    wake: () => worker.wake(),
    async stop() {
      const report = await worker.stop();
      await sending;
      return report;
    },
  };
}
