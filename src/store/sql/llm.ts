/** LlmStore in SQL (both dialects): per-day usage counters and the per-story summary cache (migration 6). */
import type { LlmStore, LlmSummaryRecord, LlmUsage } from '../llm-store.js';
import { type Sql, toDate, strOrNull } from './dialect.js';

const ZERO: LlmUsage = { requests: 0, promptTokens: 0, completionTokens: 0, accepted: 0, rejected: 0, failed: 0 };

/**
 * LlmStore over a Kysely connection.
 * @example const llm = sqlLlmStore({ db, d: SQLITE })
 */
export function sqlLlmStore({ db, d }: Sql): LlmStore {
  return {
    async addLlmUsage(day: string, u: Partial<LlmUsage>): Promise<void> {
      const v = { ...ZERO, ...u };
      await db
        .insertInto('llm_usage')
        .values({ day, requests: v.requests, prompt_tokens: v.promptTokens, completion_tokens: v.completionTokens, accepted: v.accepted, rejected: v.rejected, failed: v.failed })
        .onConflict((oc) =>
          oc.column('day').doUpdateSet((eb) => ({
            requests: eb('llm_usage.requests', '+', eb.ref('excluded.requests')),
            prompt_tokens: eb('llm_usage.prompt_tokens', '+', eb.ref('excluded.prompt_tokens')),
            completion_tokens: eb('llm_usage.completion_tokens', '+', eb.ref('excluded.completion_tokens')),
            accepted: eb('llm_usage.accepted', '+', eb.ref('excluded.accepted')),
            rejected: eb('llm_usage.rejected', '+', eb.ref('excluded.rejected')),
            failed: eb('llm_usage.failed', '+', eb.ref('excluded.failed')),
          })),
        )
        .execute();
    },

    async llmUsage(day: string): Promise<LlmUsage> {
      return toUsage(await db.selectFrom('llm_usage').selectAll().where('day', '=', day).executeTakeFirst());
    },

    async llmUsageTotal(): Promise<LlmUsage> {
      const row = await db
        .selectFrom('llm_usage')
        .select((eb) => [
          eb.fn.sum('requests').as('requests'),
          eb.fn.sum('prompt_tokens').as('prompt_tokens'),
          eb.fn.sum('completion_tokens').as('completion_tokens'),
          eb.fn.sum('accepted').as('accepted'),
          eb.fn.sum('rejected').as('rejected'),
          eb.fn.sum('failed').as('failed'),
        ])
        .executeTakeFirst();
      return toUsage(row);
    },

    async getLlmSummary(key: string): Promise<LlmSummaryRecord | null> {
      const r = await db.selectFrom('llm_summaries').selectAll().where('key', '=', key).executeTakeFirst();
      if (!r) return null;
      return { key, outcome: r.outcome as LlmSummaryRecord['outcome'], summary: strOrNull(r.summary), reason: strOrNull(r.reason), createdAt: toDate(r.created_at) };
    },

    async saveLlmSummary(record: LlmSummaryRecord): Promise<void> {
      await db
        .insertInto('llm_summaries')
        .values({ key: record.key, outcome: record.outcome, summary: record.summary, reason: record.reason, created_at: d.time(record.createdAt) })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            outcome: eb.ref('excluded.outcome'),
            summary: eb.ref('excluded.summary'),
            reason: eb.ref('excluded.reason'),
            created_at: eb.ref('excluded.created_at'),
          })),
        )
        .execute();
    },
  };
}

function toUsage(r: Record<string, unknown> | undefined): LlmUsage {
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
