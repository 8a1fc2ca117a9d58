/**
 * Optional abstractive summaries for a digest's stories (LLM_BASE_URL, LLM_MODEL): each story asks
 * an OpenAI-compatible endpoint for one or two sentences, and the answer is shown only when every
 * number in it matches a figure of the story's source articles (src/llm/number-check). Anything
 * else — an invented or altered number, a timeout, a 429, a malformed answer, an unreachable
 * endpoint, the day's token cap, the edition's deadline — keeps the extractive summary.
 */
import { createHash } from 'node:crypto';
import type { Digest, Story } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { Metrics } from '../ops/metrics.js';
import { chatComplete, LlmError, type LlmEndpoint } from '../llm/chat-client.js';
import { checkNumbers } from '../llm/number-check.js';
import { localDate } from '../jobs/time-zone.js';

/** LLM settings from config; null in config means extractive summaries only. */
export interface LlmSettings extends LlmEndpoint {
  /** Tokens (prompt + completion) per day, in the digest time zone. */
  maxTokensPerDay: number;
  /** One call's timeout. */
  timeoutMs: number;
  /** How long one edition may wait for all its summaries. */
  deadlineMs: number;
}

/** What one edition's summaries did. */
export interface LlmEditionReport {
  accepted: number;
  rejected: number;
  failed: number;
  cached: number;
  tokens: number;
}

const MAX_ANSWER_TOKENS = 160;
/** Characters of article text sent per source (a long article's lead carries its story). */
const MAX_SOURCE_CHARS = 6000;
const SYSTEM = 'You summarize news stories in one or two sentences of plain English. Use only facts and numbers stated in the articles, written as they are written there. Never add numbers, dates or figures of your own.';

/** The cache key: the model and the story's source articles. */
function storyKey(model: string, story: Story): string {
  const ids = [story.articleId, ...(story.sources ?? []).map((s) => s.articleId)].filter((x) => x !== null).sort();
  return createHash('sha1').update(`${model}\u0000${[...new Set(ids)].join(',')}`).digest('hex');
}

/**
 * The digest with LLM summaries where they passed the number check, within the edition's deadline.
 * @example const { digest } = await withLlmSummaries(draft, { store, logger, settings: config.llm, timezone })
 */
export async function withLlmSummaries(
  digest: Digest,
  deps: { store: Store; logger: Logger; settings: LlmSettings; timezone: string; now?: () => Date; metrics?: Pick<Metrics, 'llmSummaries' | 'llmTokens'> },
): Promise<{ digest: Digest; report: LlmEditionReport }> {
  const now = deps.now ?? (() => new Date());
  const deadline = now().getTime() + deps.settings.deadlineMs;
  const day = localDate(now(), deps.timezone);
  const report: LlmEditionReport = { accepted: 0, rejected: 0, failed: 0, cached: 0, tokens: 0 };
  const count = async (outcome: string, usage: { promptTokens?: number; completionTokens?: number } = {}) => {
    const tokens = (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0);
    report.tokens += tokens;
    deps.metrics?.llmSummaries.inc({ outcome });
    if (tokens > 0) deps.metrics?.llmTokens.inc(tokens);
    const field = outcome === 'accepted' ? 'accepted' : outcome === 'rejected' ? 'rejected' : 'failed';
    report[field]++;
    await deps.store.addLlmUsage(day, { [field]: 1, requests: tokens > 0 || outcome !== 'budget' ? 1 : 0, ...usage });
  };
  const stories: Story[] = [];
  // One story at a time: a local server runs one completion at once, and the cap is checked before each.
  for (const story of digest.stories) {
    stories.push(await summarizeStory(story));
  }
  deps.logger.info({ edition: digest.date, ...report }, 'llm summaries');
  return { digest: { ...digest, stories }, report };

  async function summarizeStory(story: Story): Promise<Story> {
    const key = storyKey(deps.settings.model, story);
    const cached = await deps.store.getLlmSummary(key);
    if (cached !== null) {
      report.cached++;
      return cached.outcome === 'accepted' && cached.summary ? { ...story, summary: cached.summary } : story;
    }
    const texts = await sourceTexts(story);
    if (texts.length === 0) return story;
    const used = await deps.store.llmUsage(day);
    const prompt = `${story.title}\n\n${texts.map((t, i) => `Article ${i + 1}:\n${t.slice(0, MAX_SOURCE_CHARS)}`).join('\n\n')}`;
    if (used.promptTokens + used.completionTokens + Math.ceil(prompt.length / 3) + MAX_ANSWER_TOKENS > deps.settings.maxTokensPerDay) {
      await count('budget');
      return story;
    }
    const messages = [{ role: 'system' as const, content: SYSTEM }, { role: 'user' as const, content: prompt }];
    for (let attempt = 0; attempt < 2; attempt++) {
      const left = deadline - now().getTime();
      if (left <= 0) {
        await count('deadline');
        return story;
      }
      try {
        const answer = await chatComplete(deps.settings, messages, { maxTokens: MAX_ANSWER_TOKENS, signal: AbortSignal.timeout(Math.min(left, deps.settings.timeoutMs)) });
        const summary = answer.text.replace(/\s+/g, ' ').slice(0, 400);
        const check = checkNumbers(summary, texts);
        const usage = { promptTokens: answer.promptTokens, completionTokens: answer.completionTokens };
        if (!check.ok) {
          await count('rejected', usage);
          deps.logger.warn({ story: story.title, unsupported: check.unsupported }, 'llm summary rejected: numbers not in the sources');
          await deps.store.saveLlmSummary({ key, outcome: 'rejected', summary: null, reason: `unsupported: ${check.unsupported.join(', ')}`, createdAt: now() });
          return story;
        }
        await count('accepted', usage);
        await deps.store.saveLlmSummary({ key, outcome: 'accepted', summary, reason: null, createdAt: now() });
        return { ...story, summary };
      } catch (err) {
        const e = err instanceof LlmError ? err : new LlmError('malformed', (err as Error).message);
        // A 429 is retried once, and only when its Retry-After still fits the edition's deadline.
        const wait = e.kind === 'rate_limited' ? e.retryAfterMs ?? 1000 : null;
        if (attempt === 0 && wait !== null && now().getTime() + wait < deadline - 1000) {
          await new Promise((r) => setTimeout(r, wait));
          continue;
        }
        await count(e.kind);
        deps.logger.warn({ story: story.title, kind: e.kind, err: e.message }, 'llm summary failed; extractive summary kept');
        return story;
      }
    }
    return story;
  }

  async function sourceTexts(story: Story): Promise<string[]> {
    const ids = [...new Set([story.articleId, ...(story.sources ?? []).map((s) => s.articleId)].filter((x): x is number => x !== null))];
    const articles = await Promise.all(ids.map((id) => deps.store.getArticle(id)));
    return articles.filter((a) => a !== null).map((a) => `${a.title}\n${a.text}`);
  }
}
