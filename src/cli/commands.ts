/** The table of subcommands: name, usage, summary, and the function that runs it. */
import type { Config } from '../config.js';
import type { Logger } from '../support/logger.js';
import { botCommand } from './bot-command.js';
import { demoCommand } from './demo-command.js';
import { digestCommand } from './digest-command.js';
import { feedsCommand } from './feeds-command.js';
import { fetchCommand } from './fetch-command.js';
import { summarizeCommand } from './summarize-command.js';
import { deliverCommand } from './deliver-command.js';
import { scheduleCommand } from './schedule-command.js';
import { statusCommand } from './status-command.js';
import { subscribersCommand } from './subscribers-command.js';
import { archiveCommand } from './archive-command.js';
import { backfillCommand } from './backfill-command.js';
import { cardCommand } from './card-command.js';

/** What every subcommand receives. */
export interface CliContext {
  config: Config;
  logger: Logger;
}

/** A subcommand of `keyfigures`. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Extra lines for `keyfigures NAME --help`. */
  details?: string[];
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Every subcommand, in help order. */
export const COMMANDS: readonly CliCommand[] = [
  botCommand,
  demoCommand,
  feedsCommand,
  fetchCommand,
  backfillCommand,
  digestCommand,
  summarizeCommand,
  deliverCommand,
  scheduleCommand,
  statusCommand,
  subscribersCommand,
  archiveCommand,
  cardCommand,
];

/** `keyfigures --help`. */
export function mainHelp(): string {
  return [
    'keyfigures — news feeds in, key-figure digests out, delivered by a Telegram bot.',
    '',
    'Usage:',
    ...COMMANDS.flatMap((c) => [`  keyfigures ${c.usage}`, `      ${c.summary}`]),
    '',
    'Run `keyfigures COMMAND --help` for details. Configuration comes from .env (see .env.example).',
    '',
  ].join('\n');
}

/** `keyfigures NAME --help`. */
export function commandHelp(command: CliCommand): string {
  return [`Usage: keyfigures ${command.usage}`, '', command.summary, ...(command.details ?? []).map((l) => `  ${l}`), ''].join('\n');
}
