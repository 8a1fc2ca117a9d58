/** The table of subcommands: name, usage, summary, and the function that runs it. */
import type { Config } from '../config.js';
import type { Logger } from '../support/logger.js';
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

/**
 * Every subcommand, in help order, loaded on demand: `keyfigures feeds list` imports the feeds
 * command only, not the bot, the card renderer or the tagger (each costs start-up time).
 */
const LOADERS: ReadonlyArray<readonly [string, () => Promise<CliCommand>]> = [
  ['bot', async () => (await import('./bot-command.js')).botCommand],
  ['demo', async () => (await import('./demo-command.js')).demoCommand],
  ['feeds', async () => (await import('./feeds-command.js')).feedsCommand],
  ['fetch', async () => (await import('./fetch-command.js')).fetchCommand],
  ['backfill', async () => (await import('./backfill-command.js')).backfillCommand],
  ['digest', async () => (await import('./digest-command.js')).digestCommand],
  ['summarize', async () => (await import('./summarize-command.js')).summarizeCommand],
  ['deliver', async () => (await import('./deliver-command.js')).deliverCommand],
  ['schedule', async () => (await import('./schedule-command.js')).scheduleCommand],
  ['status', async () => (await import('./status-command.js')).statusCommand],
  ['subscribers', async () => (await import('./subscribers-command.js')).subscribersCommand],
  ['archive', async () => (await import('./archive-command.js')).archiveCommand],
  ['card', async () => (await import('./card-command.js')).cardCommand],
];

/** Names of every subcommand, in help order. */
export const COMMAND_NAMES: readonly string[] = LOADERS.map(([name]) => name);

/** The subcommand called `name`, or undefined. */
export async function loadCommand(name: string): Promise<CliCommand | undefined> {
  return LOADERS.find(([n]) => n === name)?.[1]();
}

/** Every subcommand, in help order (loads them all: for the full help). */
export async function loadAllCommands(): Promise<CliCommand[]> {
  return Promise.all(LOADERS.map(([, load]) => load()));
}

/** `keyfigures --help`. */
export async function mainHelp(): Promise<string> {
  const commands = await loadAllCommands();
  return [
    'keyfigures — news feeds in, key-figure digests out, delivered by a Telegram bot.',
    '',
    'Usage:',
    ...commands.flatMap((c) => [`  keyfigures ${c.usage}`, `      ${c.summary}`]),
    '',
    'Run `keyfigures COMMAND --help` for details. Configuration comes from .env (see .env.example).',
    '',
  ].join('\n');
}

/** `keyfigures NAME --help`. */
export function commandHelp(command: CliCommand): string {
  return [`Usage: keyfigures ${command.usage}`, '', command.summary, ...(command.details ?? []).map((l) => `  ${l}`), ''].join('\n');
}
