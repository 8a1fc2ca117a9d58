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
  const sentences = article ? articleSentences(deps.store, article) : storySentences(story, null);
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
 * The marked sentences of recent stories' articles, by store and article id, with the text they
 * were read from (retention empties a body: then they are read again). Reading an article for all
 * its figures is the figure engine's work, 10–150 ms an article: /story's whole latency tail at a
 * million articles (bench:scale). Every chat asks about the same edition's few stories, so they
 * are read once — ahead of the asks, by prepareStories — and kept, the latest 200 a store.
 */
const readSentences = new WeakMap<object, Map<number, { title: string; text: string; sentences: MarkedSentence[] }>>();
const KEEP_SENTENCES = 200;

/**
 * storySentences of the story made from `article` (storyFromArticle), read once per article.
 * @example articleSentences(deps.store, await deps.store.getArticle(17))
 */
export function articleSentences(store: object, article: Article): MarkedSentence[] {
  let kept = readSentences.get(store);
  if (!kept) readSentences.set(store, (kept = new Map()));
  const read = kept.get(article.id);
  if (read && read.text === article.text && read.title === article.title) return read.sentences;
  const sentences = storySentences(storyFromArticle(article, 1), article);
  kept.delete(article.id);
  kept.set(article.id, { title: article.title, text: article.text, sentences });
  // A Map iterates in insertion order: the first key is the one read longest ago.
  if (kept.size > KEEP_SENTENCES) kept.delete(kept.keys().next().value!);
  return sentences;
}

/** The edition each store's stories were last prepared for: an edition is read once. */
const preparedEdition = new WeakMap<object, number>();

/**
 * Read the latest edition's stories ahead of the asks (the running bot calls it before each
 * minute turns, with the figures window): /story then finds every story of it read.
 * @example await prepareStories(deps)
 */
export async function prepareStories(deps: Pick<BotDeps, 'store'>): Promise<void> {
  const latest = await deps.store.latestDigest();
  if (!latest || preparedEdition.get(deps.store) === latest.id) return;
  for (const story of latest.stories) {
    const article = story.articleId !== null ? await deps.store.getArticle(story.articleId) : null;
    if (article) articleSentences(deps.store, article);
  }
  preparedEdition.set(deps.store, latest.id);
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
