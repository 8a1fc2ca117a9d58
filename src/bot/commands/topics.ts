/** /topics: show or edit the words and phrases that include or exclude stories. Plain words only, never patterns. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { normalizeForMatch } from '../../app/personalize-digest.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { htmlLine, packBlocks } from '../html.js';
import { MAX_PHRASE, splitPhrases } from '../query-words.js';
import { replyHtml, replyUsage } from '../reply.js';
import { chatTr } from '../chat-language.js';
import type { Translator } from '../../i18n/translator.js';

/** At most this many include and this many exclude topics per chat. */
const MAX_TOPICS = 20;

/** What is wrong with an edit: bad usage, a topic too long or without letters, too many topics. */
export type TopicsProblem = { problem: 'usage' | 'too-long' | 'too-many' } | { problem: 'no-letters'; topic: string };

/** The topics after applying an edit, or a problem to report. */
export function editTopics(
  current: { include: string[]; exclude: string[] },
  args: string,
): { include: string[]; exclude: string[] } | TopicsProblem {
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
    if (text.length > MAX_PHRASE) return { problem: 'too-long' };
    if (normalizeForMatch(text).trim() === '') return { problem: 'no-letters', topic: text.slice(0, 20) };
    include = include.filter((t) => !same(t, text));
    exclude = exclude.filter((t) => !same(t, text));
    if (removing) continue;
    if (sign === '-') exclude.push(text);
    else include.push(text);
  }
  if (include.length > MAX_TOPICS || exclude.length > MAX_TOPICS) return { problem: 'too-many' };
  return { include, exclude };
}

/** A problem of {@link editTopics} in words (not 'usage': that is the command's usage line). */
function problemText(p: TopicsProblem, tr: Translator): string {
  if (p.problem === 'no-letters') return tr.t('topics-no-letters', { topic: p.topic });
  return p.problem === 'too-many' ? tr.t('topics-too-many', { max: MAX_TOPICS }) : tr.t('topics-too-long', { max: MAX_PHRASE });
}

/**
 * /topics shows; `/topics +ukraine -football "interest rates"`, `/topics remove football`,
 * `/topics clear` edit (group admins only in groups).
 * @example handleTopics(ctx, { ...input, args: '+ukraine -football' }, deps)
 */
export async function handleTopics(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  const { t } = tr;
  const prefs = await deps.store.getPreferences(input.chat.id);
  let topics = { include: prefs.include, exclude: prefs.exclude };
  let changed = false;
  if (input.args !== '') {
    const edited = editTopics(topics, input.args);
    if ('problem' in edited) return edited.problem === 'usage' ? replyUsage(ctx, 'topics') : replyHtml(ctx, [htmlLine([problemText(edited, tr)])]);
    if (!(await requireChatAdmin(ctx, input, deps))) return;
    await deps.store.setTopics(input.chat.id, edited);
    topics = edited;
    changed = true;
  }
  const list = (xs: string[]) => (xs.length ? xs.map((x) => (x.includes(' ') ? `"${x}"` : x)).join(', ') : '—');
  await replyHtml(
    ctx,
    packBlocks([
      [htmlLine([{ text: changed ? t('topics-updated') : t('topics-title'), style: 'b' }])],
      [htmlLine([`${t('topics-include')} `, list(topics.include)], 2000), htmlLine([`${t('topics-exclude')} `, list(topics.exclude)], 2000)],
      [
        htmlLine([topics.include.length === 0 && topics.exclude.length === 0 ? t('topics-no-filter') : t('topics-matched')]),
        htmlLine([t('topics-edit')]),
      ],
    ]),
  );
}
