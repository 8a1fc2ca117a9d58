/**
 * Whether another sender's process still runs, when the kernel can tell us. A sender records its
 * pid and its "pid space" — this machine's boot id and its PID namespace — with each heartbeat.
 * A sender in the same pid space may ask the kernel about that pid: none means the process died
 * (kill -9, OOM, a crash), so its leased rows can go to others at once rather than once its
 * heartbeat lapses. Anything uncertain counts as alive (another machine or container, a pid
 * already reused): the heartbeat timeout still applies then.
 */
import fs from 'node:fs';

let cached: string | null | undefined;

/**
 * This process's pid space: `<boot id>:<pid namespace>` on Linux, null elsewhere (or unreadable).
 * Two processes with the same one see the same process table.
 * @example pidSpace() // '3f0c…-9a1e:pid:[4026531836]'
 */
export function pidSpace(): string | null {
  if (cached !== undefined) return cached;
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const namespace = fs.readlinkSync('/proc/self/ns/pid');
    cached = boot && namespace ? `${boot}:${namespace}` : null;
  } catch {
    cached = null;
  }
  return cached;
}

/**
 * False only when the kernel says no process has `pid` (ESRCH); a process of another user (EPERM) runs.
 * @example processGone(process.pid) // false
 */
export function processGone(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
