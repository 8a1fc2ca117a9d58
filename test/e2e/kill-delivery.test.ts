/**
 * Crash safety, on real parts: an operator's `keyfigures deliver --now` to every subscriber (three
 * different views of the edition, five chats that blocked the bot) while real `keyfigures bot`
 * processes send it through the fake Bot API (Telegram's flood limits on), and get killed with
 * SIGKILL at random moments and restarted.
 * - SQLite (always): one bot on the embedded file. The command and the bot die the moment the
 *   edition is queued, then the bot is killed again and again while it sends.
 * - PostgreSQL (when PG_URL is set): a fleet of 3 bots on one database and one token. The command
 *   and a random instance die the moment the edition is queued, then a random instance is killed
 *   5 times while the fleet sends, each restarted at once.
 * Both then stop one bot gracefully (SIGTERM) mid-delivery, let the rest finish, and check:
 * - Queuing is all or nothing: when any chat has the edition, every chat has it.
 * - Nothing is lost: every reachable subscriber gets every part of its view, in order.
 * - Duplicates are bounded (issue 14: at most one per kill, SEND_IN_FLIGHT left at its default): at
 *   each kill at most one of the killed sender's rows was on the wire, and the messages repeated
 *   overall are at most one per kill.
 * - The flood budget holds through the kills: 0 × 429, and sending stays at the configured rate (on
 *   PostgreSQL a restarted instance books its slots after everyone else's).
 * The two variants run side by side (each with its own fake Bot API and database): both spend most
 * of their time waiting, on the flood limits and on bots starting. Every bot runs on this machine,
 * so a killed one's rows are taken back as soon as its pid is gone (src/delivery/pid-space.ts); the
 * heartbeat timeout that frees a sender on another machine is tested in test/delivery/leases.test.ts.
 * Heavier variants: KF_KILLS / KF_SUBSCRIBERS (SQLite), KF_FLEET_KILLS / KF_FLEET_SUBSCRIBERS
 * (PostgreSQL), KF_API_LATENCY_MS (default 60) environment variables.
 */
import { describe, it, type ExpectStatic } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { botEnv, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { openStore, splitSchema } from '../../src/store/open-store.js';
import { seededRandom } from '../support/fake-bot-api/limits.js';
import { longStory, titleIn } from '../support/digest-views.js';
import type { DatabaseLocation } from '../../src/store/database-location.js';
import { PG_URL, PG_SKIP } from '../store/adapters.js';

/** The edition's stories, each long enough to be a message of its own: the whole edition is two parts. */
const STORIES = ['Port strike ends', 'Rail line reopens'];
const BLOCKED = 5;
/** Round trip of the fake Bot API: sends take time on the wire, as they do over a network. */
const LATENCY_MS = Number(process.env.KF_API_LATENCY_MS ?? 60);
/** A kill comes within the next this-many messages the bot (or fleet) gets accepted. */
const KILL_WITHIN = 20;
/** Messages one kill may repeat: the sends a bot keeps on the wire by default (SEND_IN_FLIGHT unset). */
const PER_KILL = 1;
/** The log line a bot writes once its outbox worker runs and its signal handlers are in place. */
const UP = /"msg":"(leading|standing by)"/;

/** How a variant's processes reach their database, and a way for the test to read it. */
interface TestDatabase {
  location: DatabaseLocation;
  env: NodeJS.ProcessEnv;
  /** Rows of a query (`$1` for its one parameter), as committed. */
  all<T>(sqlText: string, param?: unknown): Promise<T[]>;
  dispose(): Promise<void>;
}

/** The outbox as the test looks at it. */
function outboxOf(db: TestDatabase) {
  const count = async (sqlText: string, param?: unknown) => Number((await db.all<{ n: number | string }>(sqlText, param))[0]!.n);
  return {
    /** Chats holding a row of the edition. */
    chatsQueued: () => count('SELECT COUNT(DISTINCT chat_id) AS n FROM deliveries'),
    /**
     * Rows leased to `owner` marked as being sent, with when that send started. Right after a kill,
     * its sends on the wire — and any cut-off rows of earlier kills it had leased but not re-sent yet
     * (they keep the earlier sender's mark until re-sent).
     */
    marked: async (owner: string) =>
      (await db.all<{ id: number | string; since: string | Date }>("SELECT id, sending_since AS since FROM deliveries WHERE state = 'pending' AND sending_since IS NOT NULL AND lease_owner = $1", owner)).map(
        (r) => `${r.id}@${new Date(r.since).getTime()}`,
      ),
    rows: async () =>
      (await db.all<{ chatId: number | string; state: string }>('SELECT chat_id AS "chatId", state FROM deliveries')).map((r) => ({ chatId: Number(r.chatId), state: r.state })),
  };
}

interface Variant {
  name: string;
  instances: number;
  /** Kills while the edition is being sent (after the one at queue time). */
  kills: number;
  subscribers: number;
  /** SEND_RATE_PER_SECOND: the fake Bot API enforces Telegram's 30/s. */
  rate: number;
  database(dir: string): Promise<TestDatabase>;
}

const sqlite: Variant = {
  name: 'SQLite, one bot',
  instances: 1,
  kills: Number(process.env.KF_KILLS ?? 6),
  // 60 chats: 20 of each view, ~100 messages, enough for every kill to land mid-send.
  subscribers: Number(process.env.KF_SUBSCRIBERS ?? 60),
  rate: 25,
  async database(dir) {
    const file = path.join(dir, 'kf.db');
    let db: Database.Database | null = null;
    return {
      location: { kind: 'sqlite', path: file },
      env: { DATABASE_PATH: file },
      // Read-only, opened once the store has created the file: each statement sees what is committed on disk.
      all: async <T>(sqlText: string, param?: unknown) => (db ??= new Database(file, { readonly: true })).prepare(sqlText.replace('$1', '?')).all(...(param === undefined ? [] : [param])) as T[],
      dispose: async () => void db?.close(),
    };
  },
};

const fleet: Variant = {
  name: 'PostgreSQL, a fleet of 3 bots',
  instances: 3,
  kills: Number(process.env.KF_FLEET_KILLS ?? 5),
  // Enough messages that the 5 kills land during delivery: while a killed bot restarts (2-4 s) the
  // others keep sending, and with 120 an unloaded machine sent everything before the 5th kill.
  subscribers: Number(process.env.KF_FLEET_SUBSCRIBERS ?? 180),
  rate: 25,
  async database(dir) {
    // A schema of its own, dropped afterwards: runs sharing the server never meet.
    const schema = `kf_kill_${path.basename(dir).replace(/\W/g, '_').toLowerCase()}`;
    const url = `${PG_URL}${PG_URL!.includes('?') ? '&' : '?'}schema=${schema}`;
    const pool = new pg.Pool({ connectionString: splitSchema(url).url, options: `-c search_path=${schema}`, max: 2 });
    return {
      location: { kind: 'postgres', url },
      env: { DATABASE_URL: url },
      all: async <T>(sqlText: string, param?: unknown) => (await pool.query(sqlText, param === undefined ? [] : [param])).rows as T[],
      async dispose() {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
        await pool.end();
      },
    };
  },
};

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

/** Resolves once the process's output is read to its end (its 'close', which follows 'exit'). */
const drained = (child: ChildProcess) =>
  child.stdout!.closed && child.stderr!.closed ? Promise.resolve() : new Promise<void>((r) => child.once('close', () => r()));

/** Poll `probe` (a database condition: no event tells the test a commit happened) until it holds. */
async function until(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A bot process and, once it is up, the id its outbox worker leases rows under. */
interface Bot {
  proc: BotProcess;
  owner: string | null;
  up: Promise<void>;
}

async function killDuringDelivery(v: Variant, expect: ExpectStatic): Promise<void> {
  const api = await FakeBotApi.start({ latencyMs: LATENCY_MS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-kill-'));
  const db = await v.database(dir);
  const outbox = outboxOf(db);
  const env = botEnv(api, dir, { DIGEST_CRON: '0 0 1 1 *', FETCH_CRON: '0 0 1 1 *', SEND_RATE_PER_SECOND: String(v.rate), ...db.env });
  const started: BotProcess[] = [];
  const tag = `kill test (${v.name})`;
  const chats = Array.from({ length: v.subscribers }, (_, i) => 7000 + i);
  const blocked = new Set(chats.slice(0, BLOCKED).map((c) => c + 1)); // 7001…7005: one of each view and more
  const reachable = chats.filter((c) => !blocked.has(c));
  try {
    const store = await openStore(db.location);
    try {
      for (const [i, id] of chats.entries()) {
        api.addChat({ id, type: 'private', first_name: `U${id}` });
        await store.subscribe({ chatId: id, chatType: 'private', title: null }, new Date(Date.now() - 3_600_000));
        // three views of one edition: both stories (the edition's two parts), only the port story, only the rail story
        if (i % 3 === 1) await store.setTopics(id, { include: ['port'], exclude: [] });
        if (i % 3 === 2) await store.setTopics(id, { include: [], exclude: ['port'] });
      }
      // No article in the window: deliver --now sends the latest saved edition.
      await store.saveDigest(
        { date: '2026-11-24', createdAt: new Date(Date.now() - 3_600_000), timezone: 'UTC', stories: STORIES.map((title, i) => longStory(i + 1, title, { articleId: i + 1 })) },
      );
    } finally {
      await store.close();
    }
    for (const id of blocked) api.blockChat(id);

    const t0 = Date.now();
    const random = seededRandom(42);
    const spawn = (args: string[]) => {
      const proc = startBotProcess(env, dir, args);
      started.push(proc);
      return proc;
    };
    const launch = (): Bot => {
      const proc = spawn(['bot']);
      const bot: Bot = { proc, owner: null, up: Promise.resolve() };
      bot.up = proc.waitForOutput(UP, 30_000).then(() => {
        bot.owner = /"holder":"([^"]+)"[^\n]*"msg":"(?:leading|standing by)"/.exec(proc.output())![1]!;
      });
      bot.up.catch(() => undefined); // a bot killed at cleanup before it was up is no failure
      return bot;
    };
    const bots = Array.from({ length: v.instances }, launch);
    const ready = () => bots.filter((b) => b.owner !== null);
    /** Until at least `n` bots are up: event-driven, on their log lines. */
    const atLeastUp = async (n: number) => {
      while (ready().length < n) await Promise.race(bots.filter((b) => b.owner === null).map((b) => b.up));
    };
    const key = (m: { chat_id: number; html: string }) => `${m.chat_id}:${m.html}`;
    // Keyed once each, as they arrive: the fake answers from this process, and re-keying the whole
    // log at every poll slowed its answers as the log grew (seconds each at 500 messages).
    const seen = new Set<string>();
    let keyed = 0;
    const distinct = () => {
      const sent = api.sent();
      for (; keyed < sent.length; keyed++) seen.add(key(sent[keyed]!));
      return seen.size;
    };
    const duplicatesSoFar = () => api.sent().length - distinct();
    const logs = () => started.map((p) => p.output()).join('');
    const resendsSoFar = () => (logs().match(/re-sending a part whose earlier send was cut off/g) ?? []).length;
    const sentAtLeast = (n: number, timeoutMs = 20_000) => api.waitFor(() => distinct() >= n, timeoutMs).then(() => true, () => false);
    const onWireAtKill: number[] = [];
    /** Rows cut off by earlier kills, with their send's start: the same mark later is not a new send. */
    const cutOff = new Set<string>();
    /** SIGKILL a bot that is up, note what it had on the wire, start another in its place. */
    let lastKillAt = 0;
    const kill = async (bot: Bot) => {
      lastKillAt = Date.now();
      bot.proc.child.kill('SIGKILL');
      await exited(bot.proc.child);
      const marked = await outbox.marked(bot.owner!);
      onWireAtKill.push(marked.filter((m) => !cutOff.has(m)).length);
      for (const m of marked) cutOff.add(m);
      bots[bots.indexOf(bot)] = launch();
    };
    const pick = () => {
      const up = ready();
      return up[Math.floor(random() * up.length)]!;
    };
    await Promise.all(bots.map((b) => b.up));

    // The operator asks for the edition now; the command and a bot die as soon as any of it is queued.
    const command = spawn(['deliver', '--now']);
    await until(async () => (await outbox.chatsQueued()) > 0 || command.child.exitCode !== null, 30_000, 2);
    command.child.kill('SIGKILL');
    await Promise.all([exited(command.child), kill(pick())]);
    expect.soft(await outbox.chatsQueued(), 'chats holding the edition right after the kill').toBe(v.subscribers);
    const queued = await outbox.rows();
    expect(new Set(queued.filter((r) => !blocked.has(r.chatId)).map((r) => r.chatId)).size).toBe(reachable.length);
    const expectedMessages = queued.filter((r) => !blocked.has(r.chatId)).length;

    // Kill a running bot at a random moment within the next KILL_WITHIN messages, again and again;
    // each is restarted at once. A fleet keeps at least two of its bots up (one sends while the
    // other restarts); a lone bot is killed again once it has sent.
    for (let k = 0; k < v.kills && distinct() < expectedMessages; k++) {
      await atLeastUp(Math.min(2, v.instances));
      await sentAtLeast(Math.min(distinct() + 1 + Math.floor(random() * KILL_WITHIN), expectedMessages));
      await atLeastUp(1);
      await kill(pick());
    }
    const kills = onWireAtKill.length;
    const killedBy = Date.now() - t0;

    // A graceful stop mid-delivery: sends on the wire finish, leases are given back, exit 0, and from
    // then on the only repeats are earlier kills' cut-off sends (logged as such by whoever re-sent
    // them; counted once every bot's output is read to its end: a log line reaches us apart from its send).
    await sentAtLeast(Math.min(distinct() + 10, expectedMessages));
    await atLeastUp(1);
    const dupsBeforeTerm = duplicatesSoFar();
    const resendsBeforeTerm = resendsSoFar();
    const termed = pick();
    expect(await termed.proc.stop()).toBe(0);
    bots.splice(bots.indexOf(termed), 1);
    if (bots.length === 0) bots.push(launch());

    // The rest finish: every message accepted, then every reachable row committed as sent (a row
    // whose sender died after Telegram took it is re-sent once its lease lapses).
    await sentAtLeast(expectedMessages, 60_000);
    const reachablePending = async () => (await outbox.rows()).filter((r) => !blocked.has(r.chatId) && r.state === 'pending').length;
    await until(async () => (await reachablePending()) === 0, 30_000);
    await Promise.all(bots.map((b) => b.up));
    for (const code of await Promise.all(bots.map((b) => b.proc.stop()))) expect(code).toBe(0);
    // 'exit' can come before a process's last output: read every log to its end first.
    await Promise.all(started.map((p) => drained(p.child)));
    expect(duplicatesSoFar() - dupsBeforeTerm).toBeLessThanOrEqual(resendsSoFar() - resendsBeforeTerm);
    // Every repeat at all was a logged re-send of a cut-off row.
    expect(duplicatesSoFar()).toBeLessThanOrEqual(resendsSoFar());

    const accepted = api.sent();
    const duplicates = duplicatesSoFar();
    const times = accepted.map((m) => m.at).sort((a, b) => a - b);
    // The busiest 2 s: slots are booked 1/rate apart, so 2 × rate (+1) arrivals at most — give or take
    // messages held up by a loaded machine between their slot and the fake's clock (15%: ~250 ms of
    // such delay). A restarted bot that ignored the slots booked before it would show up to twice that.
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 2000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const peakRate = busiest / 2;
    // The fleet's pace: over the whole delivery, and once the kills were over (survivors and restarted bots).
    const rate = (from: number) => {
      const after = times.filter((t) => t >= from);
      return after.length < 2 ? 0 : (after.length - 1) / ((after.at(-1)! - after[0]!) / 1000);
    };
    const too = api.rejected().filter((r) => r.error_code === 429);
    console.log(
      `${tag}: ${LATENCY_MS} ms round trip, ${v.subscribers} subscribers (${reachable.length} reachable), ${kills} kills ` +
        `(sends on the wire at each [${onWireAtKill.join(',')}], bound ${PER_KILL}), ${accepted.length} accepted of ${expectedMessages}, ` +
        `${duplicates} duplicate(s), ${resendsSoFar()} uncertain re-send(s), ${too.length} × 429, busiest 2 s at ${peakRate} msg/s (limit ${v.rate}/s), ` +
        `${rate(0).toFixed(1)} msg/s from first to last message, ${rate(lastKillAt).toFixed(1)} msg/s after the last kill, ` +
        `kills done at ${(killedBy / 1000).toFixed(1)} s, all sent at ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const rows = await outbox.rows();
    const lost = reachable.filter((chat) => rows.some((r) => r.chatId === chat && r.state !== 'sent'));
    expect.soft(lost, 'reachable subscribers without the whole edition').toEqual([]);
    for (const [i, chat] of chats.entries()) {
      if (blocked.has(chat)) {
        expect(api.sent(chat)).toEqual([]);
        continue;
      }
      const got = api.sent(chat).map((m) => m.html);
      expect(new Set(got).size, `chat ${chat}`).toBe(rows.filter((r) => r.chatId === chat).length);
      if (i % 3 === 0) {
        // both parts, in order (a repeat after a kill is the same message again)
        expect([...new Set(got)].map((html) => titleIn(html, STORIES)), `chat ${chat}`).toEqual(STORIES);
      } else {
        expect(got[0], `chat ${chat}`).toContain(i % 3 === 1 ? 'Port strike ends' : 'Rail line reopens');
      }
    }
    expect(kills).toBe(1 + v.kills);
    for (const n of onWireAtKill) expect.soft(n).toBeLessThanOrEqual(PER_KILL);
    expect(duplicates).toBeLessThanOrEqual(PER_KILL * kills);
    expect(too).toEqual([]);
    expect(peakRate).toBeLessThanOrEqual(v.rate * 1.15);
  } finally {
    for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(started.map((p) => exited(p.child)));
    await api.close();
    await db.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('kill -9 during deliver --now', { concurrent: true, timeout: 300_000 }, () => {
  it(`${sqlite.name}: ${sqlite.subscribers} subscribers, ${1 + sqlite.kills} kills`, ({ expect }) => killDuringDelivery(sqlite, expect));
  it.skipIf(!PG_URL)(PG_URL ? `${fleet.name}: ${fleet.subscribers} subscribers, ${1 + fleet.kills} kills of a random instance` : PG_SKIP, ({ expect }) =>
    killDuringDelivery(fleet, expect),
  );
});
