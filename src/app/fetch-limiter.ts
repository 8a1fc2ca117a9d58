/**
 * Bounded concurrency for HTTP: at most `concurrency` requests in flight overall and `perHost`
 * to any one host, shared by feed fetches and article-page fetches in a cycle. Waiters are served
 * first come, first served, skipping ones whose host is at its limit.
 */
import { hostOf } from '../net/host-of.js';

/** Runs fetches within the limits; see {@link createFetchLimiter}. */
export interface FetchLimiter {
  /** Run `task` once a slot for `url`'s host is free. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

/**
 * A limiter for one cycle.
 * @example const limit = createFetchLimiter({ concurrency: 16, perHost: 2 }); await limit.run(url, () => fetchUrl(url))
 */
export function createFetchLimiter(opts: { concurrency: number; perHost: number }): FetchLimiter {
  const concurrency = Math.max(1, opts.concurrency);
  const perHost = Math.max(1, opts.perHost);
  let active = 0;
  const byHost = new Map<string, number>();
  const waiting: Array<{ host: string; start: () => void }> = [];

  const canStart = (host: string) => active < concurrency && (byHost.get(host) ?? 0) < perHost;
  const pump = () => {
    for (let i = 0; i < waiting.length && active < concurrency; ) {
      const next = waiting[i]!;
      if (canStart(next.host)) {
        waiting.splice(i, 1);
        next.start();
      } else i++;
    }
  };

  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const host = hostOf(url);
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          byHost.set(host, (byHost.get(host) ?? 0) + 1);
          task()
            .then(resolve, reject)
            .finally(() => {
              active--;
              const left = (byHost.get(host) ?? 1) - 1;
              if (left > 0) byHost.set(host, left);
              else byHost.delete(host);
              pump();
            });
        };
        if (canStart(host) && waiting.length === 0) start();
        else {
          waiting.push({ host, start });
          pump();
        }
      });
    },
  };
}

