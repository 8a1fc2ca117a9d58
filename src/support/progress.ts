/**
 * Progress for long CLI work: a live bar with counts and ETA on a terminal, plain lines
 * (every `plainEvery` items and at the end) when output is a file or a pipe.
 */

/** Where progress goes; process.stderr by default. */
export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/** A progress reporter for `total` items. */
export interface Progress {
  /** One more item done; `note` says which (shown on plain lines). */
  tick(note?: string): void;
  done(summary?: string): void;
}

/**
 * Start reporting progress.
 * @example const p = startProgress('import', feeds.length); for (…) { …; p.tick(url); } p.done('12 added');
 */
export function startProgress(
  label: string,
  total: number,
  opts: { stream?: ProgressStream; now?: () => number; plainEvery?: number } = {},
): Progress {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  const started = now();
  const plainEvery = opts.plainEvery ?? Math.max(1, Math.ceil(total / 20));
  let count = 0;
  const eta = () => {
    if (count === 0) return '';
    const remaining = ((now() - started) / count) * (total - count);
    return ` ETA ${formatDuration(remaining)}`;
  };
  return {
    tick(note) {
      count++;
      if (stream.isTTY) {
        const width = 24;
        const filled = total ? Math.round((count / total) * width) : width;
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}${eta()}   `);
      } else if (count % plainEvery === 0 || count === total) {
        stream.write(`${label}: ${count}/${total}${note ? ` ${note}` : ''}${count < total ? eta() : ''}\n`);
      }
    },
    done(summary) {
      if (stream.isTTY) stream.write('\n');
      stream.write(`${label}: done in ${formatDuration(now() - started)}${summary ? ` — ${summary}` : ''}\n`);
    },
  };
}

/**
 * "1.2 s", "3 min 05 s", "1 h 02 min".
 * @example formatDuration(185_000) // "3 min 05 s"
 */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
