/**
 * `keyfigures deliver --now [--chat ID]`: make the current digest due now. When a bot is running
 * (a live heartbeat in the database) it sends within seconds and this command returns at once;
 * otherwise this command sends it itself, within the same flood limits, and returns when done.
 */
import { parseArgs } from 'node:util';
import { Telegram } from 'telegraf';
import type { CliCommand } from './commands.js';
import { UsageError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { queueDigestNow } from '../delivery/queue-digests.js';
import { OutboxWorker } from '../delivery/outbox.js';
import { TelegrafSender } from '../delivery/telegraf-sender.js';
import { digestSettings } from '../main.js';
import { chooseSendPacer } from '../fleet/choose-send-pacer.js';

/** A bot heartbeat younger than this means a bot is running. */
const LIVE_MS = 5_000;

/** Queue the current digest now; send it here when no bot runs. */
export const deliverCommand: CliCommand = {
  name: 'deliver',
  usage: 'deliver --now [--chat ID] [--timeout SECONDS]',
  summary: 'Send the current digest now to every active subscriber (or one chat).',
  details: [
    '--now              required: queue the current digest for every active, unpaused subscriber',
    '--chat ID          only this chat',
    '--timeout SECONDS  when sending here, give up waiting after this long (default 600); the rest stays queued',
    'A chat that already received this edition does not get it twice.',
    'With the bot running, it sends within seconds; without, this command sends (needs TELEGRAM_BOT_TOKEN).',
  ],
  async run(args, { config, logger }) {
    const values = parseOptions(args);
    if (!values.now) throw new UsageError('say --now (the digest is queued and sent right away)');
    const chatId = values.chat === undefined ? undefined : Number(values.chat);
    if (chatId !== undefined && !Number.isSafeInteger(chatId)) throw new UsageError(`--chat must be a numeric chat id (got "${values.chat}")`);
    const timeoutSec = values.timeout === undefined ? 600 : Number(values.timeout);
    if (!(timeoutSec > 0)) throw new UsageError(`--timeout must be a positive number of seconds (got "${values.timeout}")`);

    const store = await openStore(config.database);
    try {
      if (chatId !== undefined) {
        const subscriber = await store.getSubscriber(chatId);
        if (!subscriber || !subscriber.active) throw new UsageError(`chat ${chatId} is not an active subscriber`);
      }
      const queued = await queueDigestNow({ store, logger, settings: digestSettings(config), ...(chatId !== undefined ? { chatId } : {}) });
      if (queued.digestId === null) {
        process.stderr.write('keyfigures deliver: no digest to send yet (no stories in the window and none saved). Run `keyfigures fetch` first.\n');
        return 1;
      }
      process.stdout.write(
        `Digest #${queued.digestId}: ${queued.queued} message(s) queued for ${queued.chats} chat(s)` +
          `${queued.empty ? `, ${queued.empty} with nothing matching their topics` : ''}` +
          `${queued.queued === 0 ? ' (chats that already have this edition do not get it again)' : ''}.\n`,
      );
      const bots = await store.liveWorkers(new Date(Date.now() - LIVE_MS), 'bot');
      if (bots.length > 0) {
        process.stdout.write(`The running bot (pid ${bots.map((b) => b.pid).join(', ')}) sends it now.\n`);
        return 0;
      }
      const token = config.telegram.token;
      if (!token) {
        process.stderr.write('keyfigures deliver: no bot is running and TELEGRAM_BOT_TOKEN is not set, so it stays queued until the bot starts.\n');
        return 2;
      }
      process.stdout.write('No bot is running: sending from here.\n');
      const worker = new OutboxWorker({
        store,
        sender: new TelegrafSender(new Telegram(token, { apiRoot: config.telegram.apiRoot })),
        logger,
        limiter: chooseSendPacer(config, store, logger),
        maxInFlight: config.sendInFlight,
        kind: 'cli',
        language: config.language,
      });
      await worker.start();
      const digestId = queued.digestId;
      const deadline = Date.now() + timeoutSec * 1000;
      const stopOnSignal = () => void worker.stop();
      process.once('SIGINT', stopOnSignal);
      process.once('SIGTERM', stopOnSignal);
      const timer = setTimeout(() => void worker.stop(), deadline - Date.now());
      try {
        await worker.run({ untilIdle: true, until: async () => (await store.deliveryCounts(digestId)).pending === 0 || Date.now() > deadline });
      } finally {
        clearTimeout(timer);
        process.off('SIGINT', stopOnSignal);
        process.off('SIGTERM', stopOnSignal);
        await worker.stop();
      }
      const counts = await store.deliveryCounts(digestId);
      const r = worker.report;
      process.stdout.write(
        `Sent ${r.sent}, failed ${r.failed}, chats deactivated ${r.deactivated}, rate-limited ${r.rateLimited}; ` +
          `digest #${digestId} now: ${counts.sent} sent, ${counts.pending} pending, ${counts.failed} failed, ${counts.cancelled} cancelled.\n`,
      );
      return counts.pending === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { now: { type: 'boolean' }, chat: { type: 'string' }, timeout: { type: 'string' } },
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
