/**
 * The `keyfigures` command for operators. Each subcommand lives in cli/; this file loads the
 * environment, dispatches, and turns known errors into one clear line and an exit code
 * (2: configuration or usage, 1: the work failed) — never a stack trace for a user mistake.
 */
import 'dotenv/config';
import { parseConfig, type Config } from './config.js';
import { ConfigError, UsageError, FetchError } from './domain/errors.js';
import { createLogger } from './support/logger.js';
import { redactSecrets } from './support/redact.js';
import { loadCommand, commandHelp, mainHelp } from './cli/commands.js';

/**
 * Run the CLI with `argv` (without node and script); resolves to the exit code.
 * @example process.exitCode = await main(['feeds', 'list'])
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(await mainHelp());
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(`keyfigures: unknown command "${name}"\n\n${await mainHelp()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`keyfigures: ${err.message}\nFix these in .env (see .env.example) or the environment.\n`);
      return 2;
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.telegram.token, config.webhook?.secret, config.llm?.apiKey] });
  try {
    return await command.run(rest, { config, logger });
  } catch (err) {
    const secrets = [config.telegram.token ?? '', config.webhook?.secret ?? '', config.llm?.apiKey ?? ''];
    if (err instanceof UsageError) {
      process.stderr.write(`keyfigures ${name}: ${err.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (err instanceof FetchError) {
      process.stderr.write(`keyfigures ${name}: ${redactSecrets(err.message, secrets)}\n`);
      return 1;
    }
    logger.error({ err: redactSecrets((err as Error).stack ?? String(err), secrets) }, `${name} failed`);
    process.stderr.write(`keyfigures ${name}: ${redactSecrets((err as Error).message, secrets)}\n`);
    return 1;
  }
}
