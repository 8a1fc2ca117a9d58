/** SQLite implementation of LlmStore (migration 6). */
import type Database from 'better-sqlite3';
import type { LlmStore, LlmSummaryRecord, LlmUsage } from '../llm-store.js';

type Row = Record<string, unknown>;
const ZERO: LlmUsage = { requests: 0, promptTokens: 0, completionTokens: 0, accepted: 0, rejected: 0, failed: 0 };

function toUsage(r: Row | undefined): LlmUsage {
  if (!r) return { ...ZERO };
  return {
    requests: Number(r.requests ?? 0),
    promptTokens: Number(r.prompt_tokens ?? 0),
    completionTokens: Number(r.completion_tokens ?? 0),
    accepted: Number(r.accepted ?? 0),
    rejected: Number(r.rejected ?? 0),
    failed: Number(r.failed ?? 0),
  };
}

/**
 * LlmStore over an open better-sqlite3 connection.
 * @example const llm = sqliteLlmStore(db)
 */
export function sqliteLlmStore(db: Database.Database): LlmStore {
  return {
    async addLlmUsage(day: string, u: Partial<LlmUsage>): Promise<void> {
      const v = { ...ZERO, ...u };
      db.prepare(
        `INSERT INTO llm_usage (day, requests, prompt_tokens, completion_tokens, accepted, rejected, failed) VALUES (@day, @requests, @promptTokens, @completionTokens, @accepted, @rejected, @failed)
         ON CONFLICT(day) DO UPDATE SET requests = requests + @requests, prompt_tokens = prompt_tokens + @promptTokens,
           completion_tokens = completion_tokens + @completionTokens, accepted = accepted + @accepted, rejected = rejected + @rejected, failed = failed + @failed`,
      ).run({ day, ...v });
    },
    async llmUsage(day: string): Promise<LlmUsage> {
      return toUsage(db.prepare('SELECT * FROM llm_usage WHERE day = ?').get(day) as Row | undefined);
    },
    async llmUsageTotal(): Promise<LlmUsage> {
      return toUsage(
        db.prepare(`SELECT SUM(requests) AS requests, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
          SUM(accepted) AS accepted, SUM(rejected) AS rejected, SUM(failed) AS failed FROM llm_usage`).get() as Row,
      );
    },
    async getLlmSummary(key: string): Promise<LlmSummaryRecord | null> {
      const r = db.prepare('SELECT * FROM llm_summaries WHERE key = ?').get(key) as Row | undefined;
      if (!r) return null;
      return { key, outcome: r.outcome as LlmSummaryRecord['outcome'], summary: r.summary === null ? null : String(r.summary), reason: r.reason === null ? null : String(r.reason), createdAt: new Date(String(r.created_at)) };
    },
    async saveLlmSummary(record: LlmSummaryRecord): Promise<void> {
      db.prepare('INSERT OR REPLACE INTO llm_summaries (key, outcome, summary, reason, created_at) VALUES (?, ?, ?, ?, ?)').run(
        record.key, record.outcome, record.summary, record.reason, record.createdAt.toISOString(),
      );
    },
  };
}
