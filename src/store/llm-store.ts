/** What the optional LLM summaries cost and produced: per-day counters and summaries kept per story. */

/** Counters of one day (or a total). */
export interface LlmUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** Summaries shown. */
  accepted: number;
  /** Summaries rejected because a number did not match the sources. */
  rejected: number;
  /** Calls that failed (timeout, 429, malformed answer, unreachable) or were skipped (budget, deadline). */
  failed: number;
}

/** A story's summary outcome, kept so an edition is not asked for twice. */
export interface LlmSummaryRecord {
  key: string;
  outcome: 'accepted' | 'rejected';
  summary: string | null;
  reason: string | null;
  createdAt: Date;
}

/** LLM usage and summary cache. */
export interface LlmStore {
  /** Add to the day's counters (`day` is YYYY-MM-DD in the digest time zone). */
  addLlmUsage(day: string, usage: Partial<LlmUsage>): Promise<void>;
  /** The day's counters (zeros when none). */
  llmUsage(day: string): Promise<LlmUsage>;
  /** Counters over every day. */
  llmUsageTotal(): Promise<LlmUsage>;
  getLlmSummary(key: string): Promise<LlmSummaryRecord | null>;
  saveLlmSummary(record: LlmSummaryRecord): Promise<void>;
}
