/**
 * The HTTP edge to an OpenAI-compatible chat completions endpoint (OpenAI, llama.cpp's server,
 * Ollama's /v1). One POST with an abort signal; every failure becomes an LlmError with a kind the
 * caller falls back on. Plain fetch rather than the openai SDK: its retries and long default timeout
 * would have to be switched off to keep an edition's deadline, and zod checks the answer anyway.
 */
import { z } from 'zod';

/** Why a call gave no usable answer. */
export type LlmFailure = 'timeout' | 'rate_limited' | 'malformed' | 'unreachable' | 'http';

/** A failed call: its kind and, for 429, how long the server asked us to wait. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailure,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

/** Where and how to call. */
export interface LlmEndpoint {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

/** One answer with its token use. */
export interface ChatAnswer {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

const ANSWER = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).partial().optional(),
});

/** Retry-After as milliseconds: seconds or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Ask for one completion; throws LlmError. The API key goes only into the Authorization header.
 * @example await chatComplete(endpoint, [{ role: 'user', content: 'Hi' }], { maxTokens: 120, signal: AbortSignal.timeout(20_000) })
 */
export async function chatComplete(
  endpoint: LlmEndpoint,
  messages: ReadonlyArray<{ role: 'system' | 'user'; content: string }>,
  opts: { maxTokens: number; signal: AbortSignal },
): Promise<ChatAnswer> {
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: JSON.stringify({ model: endpoint.model, messages, max_tokens: opts.maxTokens, temperature: 0 }),
      signal: opts.signal,
    });
  } catch (err) {
    if (opts.signal.aborted) throw new LlmError('timeout', 'llm: no answer before the deadline');
    throw new LlmError('unreachable', `llm: cannot reach ${new URL(url).host}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
  }
  let body: string;
  try {
    body = await res.text();
  } catch {
    throw new LlmError(opts.signal.aborted ? 'timeout' : 'unreachable', 'llm: the answer was cut off');
  }
  if (res.status === 429) throw new LlmError('rate_limited', 'llm: 429 rate limited', retryAfterMs(res.headers.get('retry-after')));
  if (!res.ok) throw new LlmError('http', `llm: HTTP ${res.status}`);
  let parsed: z.infer<typeof ANSWER>;
  try {
    parsed = ANSWER.parse(JSON.parse(body));
  } catch {
    throw new LlmError('malformed', 'llm: the answer is not a chat completion');
  }
  const text = parsed.choices[0]!.message.content.trim();
  if (text === '') throw new LlmError('malformed', 'llm: empty answer');
  return { text, promptTokens: parsed.usage?.prompt_tokens ?? 0, completionTokens: parsed.usage?.completion_tokens ?? 0 };
}
