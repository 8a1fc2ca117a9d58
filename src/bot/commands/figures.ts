/** /figures [words]: the latest key figures, optionally only from stories mentioning the words. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatDigest, lastHoursWindow } from '../chat-digest.js';
import { mentions, storyMatchText } from '../../app/personalize-digest.js';
import { figureDisplayText, figureLabel } from '../../render/format-figure.js';
import { htmlLine, packBlocks } from '../html.js';
import { MAX_PHRASE, MAX_PHRASES, splitPhrases } from '../query-words.js';
import { storyButtons } from '../keyboards/story-buttons.js';
import { replyHtml, replyText, replyUsage } from '../reply.js';
import { chatTr } from '../chat-language.js';

const FIGURES_PER_STORY = 2;

/**
 * The top figures of the last day's stories (this chat's feeds and topics), best story first.
 * @example handleFigures(ctx, { ...input, args: 'ukraine' }, deps)
 */
export async function handleFigures(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const words = splitPhrases(input.args).map((w) => w.text);
  if (words.length > MAX_PHRASES || words.some((w) => w.length > MAX_PHRASE)) return replyUsage(ctx, 'figures');
  const subscriber = await deps.store.getSubscriber(input.chat.id);
  const digest = (await chatDigest(deps, input.chat.id, subscriber, lastHoursWindow(deps, deps.now()))).page;
  const stories = digest.stories
    .filter((s) => s.figures.length > 0 && words.every((w) => mentions(storyMatchText(s), w)))
    .map((s, i) => ({ ...s, number: i + 1 }));
  const { t } = chatTr(ctx);
  const hours = deps.settings.windowHours;
  if (stories.length === 0) {
    return replyText(ctx, words.length ? t('figures-none-about', { words: words.join(' ').slice(0, 60), hours }) : t('figures-none', { hours }));
  }
  const heading = [htmlLine([{ text: words.length ? t('figures-heading-about', { words: words.join(' ') }) : t('figures-heading'), style: 'b' }])];
  const blocks = stories.map((s) => [
    ...s.figures.slice(0, FIGURES_PER_STORY).map((f) => {
      const label = figureLabel(f);
      return htmlLine(['• ', { text: figureDisplayText(f), style: 'b' }, ...(label ? [` ${label}`] : [])]);
    }),
    htmlLine([{ text: `${s.number}. ${s.title} — ${s.source}`, style: 'i' }], 300),
  ]);
  await replyHtml(ctx, packBlocks([heading, ...blocks]), storyButtons(stories, chatTr(ctx)));
}
