/** /topics: show or edit the words and phrases that include or exclude stories. Plain words only, never patterns. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { normalizeForMatch } from '../../app/personalize-digest.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { htmlLine, packBlocks } from '../html.js';
import { MAX_PHRASE, splitPhrases } from '../query-words.js';
import { replyHtml, replyUsage } from '../reply.js';

/** At most this many include and this many exclude topics per chat. */
const MAX_TOPICS = 20;

/** The topics after applying an edit, or a problem to report. */
export function editTopics(
  current: { include: string[]; exclude: string[] },
  args: string,
): { include: string[]; exclude: string[] } | { problem: string } {
  const tokens = splitPhrases(args);
  const first = tokens[0];
  if (first && first.sign === '' && first.text.toLowerCase() === 'clear' && tokens.length === 1) return { include: [], exclude: [] };
  const removing = first && first.sign === '' && first.text.toLowerCase() === 'remove';
  const edits = removing ? tokens.slice(1) : tokens;
  if (edits.length === 0) return { problem: 'usage' };
  const same = (a: string, b: string) => normalizeForMatch(a) === normalizeForMatch(b);
  let include = [...current.include];
  let exclude = [...current.exclude];
  for (const { sign, text } of edits) {
    if (text.length > MAX_PHRASE) return { problem: `Topics are at most ${MAX_PHRASE} characters.` };
    if (normalizeForMatch(text).trim() === '') return { problem: `"${text.slice(0, 20)}" has no letters or digits to match.` };
    include = include.filter((t) => !same(t, text));
    exclude = exclude.filter((t) => !same(t, text));
    if (removing) continue;
    if (sign === '-') exclude.push(text);
    else include.push(text);
  }
  if (include.length > MAX_TOPICS || exclude.length > MAX_TOPICS) return { problem: `At most ${MAX_TOPICS} topics to include and ${MAX_TOPICS} to exclude.` };
  return { include, exclude };
}

/**
 * /topics shows; `/topics +ukraine -football "interest rates"`, `/topics remove football`,
 * `/topics clear` edit (group admins only in groups).
 * @example handleTopics(ctx, { ...input, args: '+ukraine -football' }, deps)
 */
export async function handleTopics(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const prefs = await deps.store.getPreferences(input.chat.id);
  let topics = { include: prefs.include, exclude: prefs.exclude };
  let changed = false;
  if (input.args !== '') {
    const edited = editTopics(topics, input.args);
    if ('problem' in edited) return edited.problem === 'usage' ? replyUsage(ctx, 'topics') : replyHtml(ctx, [htmlLine([edited.problem])]);
    if (!(await requireChatAdmin(ctx, input, deps))) return;
    await deps.store.setTopics(input.chat.id, edited);
    topics = edited;
    changed = true;
  }
  const list = (xs: string[]) => (xs.length ? xs.map((x) => (x.includes(' ') ? `"${x}"` : x)).join(', ') : '—');
  await replyHtml(
    ctx,
    packBlocks([
      [htmlLine([{ text: changed ? 'Topics updated' : 'Topics', style: 'b' }])],
      [htmlLine(['Include (any of): ', list(topics.include)], 2000), htmlLine(['Exclude: ', list(topics.exclude)], 2000)],
      [
        htmlLine([
          topics.include.length === 0 && topics.exclude.length === 0
            ? 'No filter: you get every story.'
            : 'Matched as whole words, any case, on titles, summaries and figures.',
        ]),
        htmlLine(['Edit: /topics +word -word "a phrase" · /topics remove word · /topics clear']),
      ],
    ]),
  );
}
