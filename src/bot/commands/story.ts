/** /story N (and /story_N, and the story buttons): one story in full, each figure with its sentence. */
import type { Context } from 'telegraf';
import type { Story } from '../../domain/types.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { personalizeDigest } from '../../app/personalize-digest.js';
import { storyFromArticle } from '../../digest/build-digest.js';
import { renderStoryTelegram } from '../../render/render-telegram.js';
import { chatTimezone } from '../chat-schedule.js';
import { replyHtml, replyText, replyUsage } from '../reply.js';

/**
 * The stories of the chat's last digest: what /digest showed it, or the scheduled digest (as
 * personalized for it) when that is newer.
 * @example const stories = await lastDigestStories(deps, chatId)
 */
export async function lastDigestStories(deps: BotDeps, chatId: number): Promise<Story[]> {
  const view = await deps.store.getChatView(chatId);
  const latest = await deps.store.latestDigest();
  if (latest && (!view || latest.createdAt > view.at)) {
    return personalizeDigest(latest, await deps.store.getPreferences(chatId)).stories;
  }
  return view?.stories ?? [];
}

/**
 * Reply with story `number` in full: from its article when stored (all figures), else as the digest had it.
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
  await replyHtml(ctx, renderStoryTelegram(story, { timezone: chatTimezone(deps, sub) }));
  return true;
}

/**
 * /story N.
 * @example handleStory(ctx, { ...input, args: '2' }, deps)
 */
export async function handleStory(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const m = /^#?(\d{1,4})$/.exec(input.args);
  if (!m) return replyUsage(ctx, 'story');
  const number = Number(m[1]);
  const stories = await lastDigestStories(deps, input.chat.id);
  if (stories.length === 0) return replyText(ctx, 'No digest here yet. Send /digest first.');
  if (number < 1 || number > stories.length) return replyText(ctx, `Your last digest has stories 1–${stories.length}. Try /story 1.`);
  const shown = await showStory(ctx, deps, input.chat.id, number, stories[number - 1]?.articleId ?? null);
  if (!shown) await replyText(ctx, 'That story is no longer available. Send /digest for the latest.');
}
