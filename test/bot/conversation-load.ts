/**
 * Many chats talking to the bot at once, through the fake Bot API with flood limits on: each chat
 * sends a quick run of commands and button taps without waiting for answers. Used by the
 * conversation-load test (fast, scaled-down limits) and by `npm run bench:convo` (Telegram's limits).
 */
import { startHarness, seedArticle, KURSK, BRIDGE, buttons, type Harness } from './bot-harness.js';
import type { FloodLimits } from '../support/fake-bot-api.js';
import type { FloodLimits as PacerLimits } from '../../src/delivery/flood-limiter.js';

/** One step of a chat's run and how to recognise its answer. */
interface Step {
  kind: 'help' | 'why' | 'story1' | 'story2' | 'tap1' | 'tap2';
  /** True when a sent message is this step's answer. */
  answers: (text: string) => boolean;
}

const STEPS: Step[] = [
  { kind: 'help', answers: (t) => t.includes('/digest') && t.includes('/help') },
  { kind: 'why', answers: (t) => t.includes('971') && !t.includes('Harbour') && !t.includes('/help') },
  { kind: 'story2', answers: (t) => t.startsWith('Harbour bridge') || t.includes('2. Harbour bridge') || (t.includes('Harbour bridge') && t.includes('$48m')) },
  { kind: 'tap1', answers: (t) => t.includes('Ukraine captured almost 1,000') && t.includes('Mariupol') },
  { kind: 'story1', answers: (t) => t.includes('Ukraine captured almost 1,000') && t.includes('Mariupol') },
  { kind: 'tap2', answers: (t) => t.includes('Harbour bridge') && t.includes('$48m') },
];

/** The result of one run. */
export interface LoadReport {
  chats: number;
  stepsPerChat: number;
  /** Answers expected and answers that arrived. */
  expected: number;
  arrived: number;
  /** Chats whose answers arrived out of order (their ids). */
  outOfOrder: number[];
  /** Sends that came before a chat's retry_after elapsed. */
  early: number;
  /** 429 answers from the fake. */
  flood429: number;
  /** From the first update of the burst to the last answer. */
  drainMs: number;
  /** Handler errors logged. */
  errors: string[];
}

/**
 * Run `chats` chats (every tenth a group) × `steps` commands and taps; wait for every answer or
 * `timeoutMs`. `inject429` scripts that many extra 429s (retry_after 1) during the burst.
 */
export async function runConversationLoad(opts: {
  chats: number;
  steps: number;
  floodLimits?: Partial<FloodLimits>;
  pacer?: PacerLimits;
  inject429?: number;
  timeoutMs: number;
}): Promise<LoadReport & { harness: Harness }> {
  const h = await startHarness({ ...(opts.floodLimits ? { floodLimits: opts.floodLimits } : {}), ...(opts.pacer ? { pacer: opts.pacer } : {}) });
  await seedArticle(h.store, KURSK);
  await seedArticle(h.store, BRIDGE);
  const chats = Array.from({ length: opts.chats }, (_, i) =>
    i % 10 === 9 ? { id: -(5000 + i), type: 'group' as const, title: `Group ${i}` } : { id: 3000 + i, type: 'private' as const, first_name: `User ${i}` },
  );
  // Each chat first has a digest with story buttons to tap.
  const digestOf = new Map<number, { messageId: number; data: string[] }>();
  await Promise.all(
    chats.map(async (chat) => {
      const [digest] = await h.say(chat, '/digest', undefined, 1);
      digestOf.set(chat.id, { messageId: digest!.message_id, data: buttons(digest!).map((b) => b.callback_data!) });
    }),
  );
  const before = new Map(chats.map((c) => [c.id, h.api.sent(c.id).length]));
  const flood0 = h.api.floodCount();
  const plan = new Map(chats.map((c, ci) => [c.id, Array.from({ length: opts.steps }, (_, i) => STEPS[(i + ci) % STEPS.length]!)]));

  const started = Date.now();
  if (opts.inject429) h.api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1, count: opts.inject429 });
  // Interleaved across chats, as users would type: step i of every chat, then step i+1.
  for (let i = 0; i < opts.steps; i++) {
    for (const chat of chats) {
      const step = plan.get(chat.id)![i]!;
      const digest = digestOf.get(chat.id)!;
      if (step.kind === 'help') h.api.sendText(chat, '/help');
      else if (step.kind === 'why') h.api.sendText(chat, '/why 971');
      else if (step.kind === 'story1') h.api.sendText(chat, '/story 1');
      else if (step.kind === 'story2') h.api.sendText(chat, '/story_2');
      else h.api.pressButton(chat, digest.messageId, digest.data[step.kind === 'tap1' ? 0 : 1]!);
    }
  }
  const expected = opts.chats * opts.steps;
  const answered = () => chats.reduce((n, c) => n + Math.min(opts.steps, h.api.sent(c.id).length - before.get(c.id)!), 0);
  const deadline = Date.now() + opts.timeoutMs;
  while (answered() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const drainMs = Date.now() - started;
  await h.lanes.idle();

  const outOfOrder = chats
    .filter((c) => {
      const got = h.api.sent(c.id).slice(before.get(c.id)!);
      const want = plan.get(c.id)!;
      return got.length !== want.length || want.some((step, i) => !step.answers(got[i]!.text));
    })
    .map((c) => c.id);
  return {
    harness: h,
    chats: opts.chats,
    stepsPerChat: opts.steps,
    expected,
    arrived: answered(),
    outOfOrder,
    early: h.api.earlySends().length,
    flood429: h.api.floodCount() - flood0,
    drainMs,
    errors: [...h.errors],
  };
}
