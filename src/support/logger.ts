/**
 * pino logger: JSON lines when not on a terminal, readable when on one, and every line passed
 * through `redactSecrets` — network errors from HTTP clients embed request URLs, and Telegram's
 * URLs carry the token, so field-based redaction alone would miss them.
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { redactSecrets } from './redact.js';

export type { Logger };

/** A sink that receives already-serialized log lines. */
export interface LogSink {
  write(line: string): void;
}

/**
 * Create the application logger.
 * @example createLogger({ level: 'info', secrets: [config.telegram.token] })
 */
export function createLogger(opts: {
  level: string;
  secrets?: ReadonlyArray<string | null | undefined>;
  pretty?: boolean;
  sink?: LogSink;
}): Logger {
  const secrets = (opts.secrets ?? []).filter((s): s is string => Boolean(s));
  const target: LogSink =
    opts.sink ??
    (opts.pretty ?? process.stderr.isTTY
      ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', destination: 2 })
      : { write: (line: string) => process.stderr.write(line) });
  return pino(
    { level: opts.level, base: undefined },
    { write: (line: string) => target.write(redactSecrets(line, secrets)) },
  );
}
