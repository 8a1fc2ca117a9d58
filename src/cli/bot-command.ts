/** `keyfigures bot`: run the Telegram bot (what `npm start` runs). */
import type { CliCommand } from './commands.js';
import { runBot } from '../main.js';
import { telegramStartFailure } from '../service/telegram-start-failure.js';

/** Starts long polling, the schedules and delivery; needs TELEGRAM_BOT_TOKEN. */
export const botCommand: CliCommand = {
  name: 'bot',
  usage: 'bot',
  summary: 'Run the Telegram bot: long polling (or a webhook), scheduled fetch and digest, delivery.',
  details: [
    'Needs TELEGRAM_BOT_TOKEN (from @BotFather) in .env. Stop with Ctrl+C (SIGINT) or SIGTERM.',
    'WEBHOOK_URL + WEBHOOK_SECRET: receive updates by webhook instead of long polling (WEBHOOK_PORT, WEBHOOK_HOST).',
    'HTTP_PORT: serve /healthz and /metrics (Prometheus) on HTTP_HOST (default 127.0.0.1).',
  ],
  async run(_args, { config, logger }) {
    const token = config.telegram.token;
    if (!token) {
      process.stderr.write(
        [
          'keyfigures bot: TELEGRAM_BOT_TOKEN is not set, so there is no bot to run.',
          '  1. Talk to @BotFather in Telegram, send /newbot, and copy the token it gives you.',
          '  2. cp .env.example .env   and set   TELEGRAM_BOT_TOKEN=123456789:AA…',
          '  3. npm start',
          'To see KeyFigures work without Telegram, run:  npm run demo',
          '',
        ].join('\n'),
      );
      return 2;
    }
    try {
      await runBot(config, logger, token);
    } catch (err) {
      const failure = telegramStartFailure(err, config.telegram.apiRoot);
      if (!failure) throw err;
      process.stderr.write(`keyfigures bot: ${failure.message}\n`);
      return failure.exitCode;
    }
    return 0;
  },
};
