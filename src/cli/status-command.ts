/** `keyfigures status`: health at a glance — feeds, subscribers, digests, outbox, database. */
import type { CliCommand } from './commands.js';
import { openStore } from '../store/open-store.js';
import { collectStatus, type StatusReport } from '../app/collect-status.js';
import { describeTime } from '../jobs/next-run.js';

/** Print the operator's status report (text or --json). */
export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status [--json]',
  summary: 'Feeds ok/failing, subscribers, last and next digest, outbox backlog, database size.',
  details: [
    '--json   the same report as JSON for scripts (feeds, subscribers, digests, outbox, database)',
    'Reads the database only; for the running bot\'s liveness, see /healthz (HTTP_PORT).',
  ],
  async run(args, { config }) {
    const store = await openStore(config.database, { readOnly: true });
    try {
      const report = await collectStatus(store, config);
      process.stdout.write(args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report, config.timezone));
      return 0;
    } finally {
      await store.close();
    }
  },
};

/**
 * The status report as lines for a terminal.
 * @example renderStatus(report, 'UTC')
 */
export function renderStatus(r: StatusReport, timezone: string): string {
  const when = (at: Date) => describeTime(at, timezone);
  const lines = [
    `Feeds        ${r.feeds.total} (${r.feeds.ok} ok, ${r.feeds.failing.length} failing, ${r.feeds.neverFetched} not fetched yet)`,
    ...r.feeds.failing.map((f) => `  ⚠ ${f.url} — ${f.errors} error(s): ${f.lastError}`),
    `Subscribers  ${r.subscribers.active} active, ${r.subscribers.paused} paused, ${r.subscribers.inactive} inactive (stopped or blocked)`,
    `Digests      last: ${r.digests.last ? `${when(r.digests.last.createdAt)}, ${r.digests.last.stories} stories` : 'none yet'}; next: ${r.digests.next ? when(r.digests.next) : 'not scheduled'}`,
    `Outbox       ${r.outbox.pending} pending, ${r.outbox.sent} sent, ${r.outbox.failed} failed, ${r.outbox.cancelled} cancelled`,
    `Database     ${r.database.path} (${r.database.bytes === null ? 'not created yet' : formatBytes(r.database.bytes)})`,
    ...r.database.problems.slice(0, 5).map((p) => `  ⚠ integrity check failed: ${p} — restore the latest backup (README: Back up the database)`),
    r.llm.enabled
      ? `LLM          ${r.llm.model}: today ${r.llm.today.accepted} shown, ${r.llm.today.rejected} rejected (numbers not in the sources), ${r.llm.today.failed} failed, ${r.llm.today.promptTokens + r.llm.today.completionTokens}/${r.llm.maxTokensPerDay} tokens; all time ${r.llm.total.accepted} shown, ${r.llm.total.rejected} rejected`
      : 'LLM          off (extractive summaries)',
  ];
  return `${lines.join('\n')}\n`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}
