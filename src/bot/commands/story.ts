/** /story N (and /story_N, and the story buttons): one story in full, each figure with its sentence. */
import type { Context } from 'telegraf';
import type { Article, Story } from '../../domain/types.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { personalizeDigest } from '../../app/personalize-digest.js';
import { storyFromArticle } from '../../digest/build-digest.js';
import { renderStoryTelegram } from '../../render/render-telegram.js';
import { articleFigures } from '../../figures/summarize.js';
import { markedSentences, type MarkedSentence } from '../../figures/marked-sentences.js';
import { chatTimezone } from '../chat-schedule.js';
import { replyHtml, replyText, replyUsage } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * The stories of the chat's last digest, numbered as it saw them: what /digest or the scheduled
 * digest showed it (both save the chat's view, every page of it); for a chat without one, the
 * latest edition as personalized for it.
 * @example const stories = await lastDigestStories(deps, chatId)
 */
export async function lastDigestStories(deps: BotDeps, chatId: number): Promise<Story[]> {
  const view = await deps.store.getChatView(chatId);
  if (view) return view.stories;
  const latest = await deps.store.latestDigest();
  return latest ? personalizeDigest(latest, await deps.store.getPreferences(chatId)).stories : [];
}

/**
 * Reply with story `number` in full: from its article when stored, each sentence once with every
 * figure found in it marked (re-read from the text, not only the top figures kept), else as the
 * digest had it; every source that reported it.
 * @example await showStory(ctx, deps, chatId, 2, 17)
 */
export async function showStory(ctx: Context, deps: BotDeps, chatId: number, number: number, articleId: number | null): Promise<boolean> {
  const stories = await lastDigestStories(deps, chatId);
  const known = stories.find((s) => s.number === number && (articleId === null || s.articleId === articleId));
  const id = articleId ?? known?.articleId ?? null;
  const article = id !== null ? await deps.store.getArticle(id) : null;
  // The article has every figure; the digest's story knows every source that reported it.
  let story: Story | undefined = article ? storyFromArticle(article, number) : known;
  if (story && known && article && known.articleId === article.id) {
    if (known.sources) story = { ...story, sources: known.sources };
    if (known.conflicts) story = { ...story, conflicts: known.conflicts };
  }
  if (!story) return false;
  const sub = await deps.store.getSubscriber(chatId);
  const sentences = storySentences(story, article);
  // A lead made of the very sentences listed below would say each of them twice.
  if (story.summary && summaryRepeats(story.summary, sentences)) story = { ...story, summary: '' };
  await replyHtml(ctx, renderStoryTelegram(story, { timezone: chatTimezone(deps, sub), locale: chatTr(ctx).locale, sentences }));
  return true;
}

/**
 * The sentences of a story with every figure marked: the article's text read again for all its
 * figures (the best one's sentence first), the stored figures added (a body emptied by retention
 * leaves only them).
 * @example storySentences(story, await store.getArticle(story.articleId))
 */
export function storySentences(story: Story, article: Article | null): MarkedSentence[] {
  const text = article?.text ?? '';
  const all = text.trim() !== '' && article ? articleFigures({ title: article.title, text }) : { ranked: [], mentions: [] };
  return markedSentences([...all.ranked, ...story.figures, ...all.mentions], text);
}

/**
 * True when the summary says nothing beyond the listed sentences (it is made of them, an extractive
 * lead); an abstract written in other words is kept.
 * @example summaryRepeats('A rose 5%. B fell 2%.', [{ text: 'B fell 2%.', … }, { text: 'A rose 5%.', … }]) // true
 */
export function summaryRepeats(summary: string, sentences: ReadonlyArray<Pick<MarkedSentence, 'text'>>): boolean {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  let rest = squash(summary);
  for (const sentence of sentences.map((s) => squash(s.text)).filter(Boolean)) rest = rest.split(sentence).join(' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * /story N.
 * @example handleStory(ctx, { ...input, args: '2' }, deps)
 */
export async function handleStory(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const m = /^#?(\d{1,4})$/.exec(input.args);
  if (!m) return replyUsage(ctx, 'story');
  const number = Number(m[1]);
  const { t } = chatTr(ctx);
  const stories = await lastDigestStories(deps, input.chat.id);
  if (stories.length === 0) return replyText(ctx, t('story-no-digest'));
  if (number < 1 || number > stories.length) return replyText(ctx, t('story-range', { count: stories.length }));
  const shown = await showStory(ctx, deps, input.chat.id, number, stories[number - 1]?.articleId ?? null);
  if (!shown) await replyText(ctx, t('story-gone-digest'));
}
