/**
 * The real `keyfigures bot` as a child process, for end-to-end tests: its output collected,
 * waits on log lines, a free local port, and a clean stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta.url, not __dirname: benches load this file outside vitest (tsx, ESM).
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/bin.mjs');

/** A running bot process. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the output matches `pattern`; rejects with the output after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawn `node src/bin.mjs bot` with exactly `env` (plus PATH) in `cwd`.
 * @example const bot = startBotProcess({ TELEGRAM_BOT_TOKEN: api.token, … }, dir)
 */
export function startBotProcess(env: NodeJS.ProcessEnv, cwd: string, args: string[] = ['bot']): BotProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: cwd, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += String(d);
    for (const l of [...listeners]) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitForOutput(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`bot output did not match ${pattern} within ${timeoutMs} ms\n--- bot output ---\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        child.once('exit', () => {
          if (!listeners.has(check)) return;
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`bot exited before its output matched ${pattern}\n--- bot output ---\n${out}`));
        });
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * A TCP port free on 127.0.0.1 right now.
 * @example const port = await freePort()
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Prometheus text → `name{labels}` → value (comments skipped).
 * @example parsePrometheus('a_total 3\n')['a_total'] // 3
 */
export function parsePrometheus(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

/**
 * Run `keyfigures ARGS` as a child process without blocking this one (a fake Bot API or feed
 * server living in the test process must keep answering).
 * @example const r = await runCli(['feeds', 'add', url], env, dir)
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * The environment of a bot under test: the fake Bot API's token and root, a database and an
 * archive in `dir`, info logs; `extra` adds or overrides variables.
 * @example startBotProcess(botEnv(api, dir, { DIGEST_CRON: '*\/2 * * * * *' }), dir)
 */
export function botEnv(api: { token: string; apiRoot: string }, dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: dir,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: path.join(dir, 'kf.db'),
    DIGESTS_DIR: path.join(dir, 'digests'),
    LOG_LEVEL: 'info',
    ...extra,
  };
}
