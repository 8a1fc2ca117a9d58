/**
 * /card: the latest edition's "day in numbers" picture card, as a photo. `/card on` and
 * `/card off` (admins, in groups) choose whether every scheduled digest starts with it.
 */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText } from '../reply.js';
import { chatTr } from '../chat-language.js';
import { TelegramError } from 'telegraf';

/**
 * Send the card, or turn the picture card on or off.
 * @example handleCard(ctx, { ...input, args: 'on' }, deps)
 */
export async function handleCard(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  const { t } = tr;
  const arg = input.args.trim().toLowerCase();
  if (arg === 'on' || arg === 'off') {
    if (!(await requireChatAdmin(ctx, input, deps))) return;
    await deps.store.setPictureCard(input.chat.id, arg === 'on');
    return replyText(ctx, t(arg === 'on' ? 'card-on' : 'card-off'));
  }
  if (arg !== '') return replyText(ctx, t('card-usage'));
  const latest = await deps.store.latestDigest();
  const card = latest ? await deps.cards.card(latest.id, tr.locale) : null;
  if (!card) return replyText(ctx, t('card-none'));
  const extra = { caption: card.caption, parse_mode: 'HTML' as const };
  await deps.cards.sendWith(
    card,
    async (photo) => {
      const sent = await ctx.replyWithPhoto('fileId' in photo ? photo.fileId : { source: photo.png, filename: photo.fileName }, extra);
      return { messageId: sent.message_id, fileId: sent.photo.at(-1)?.file_id ?? null };
    },
    (err) => err instanceof TelegramError && err.code === 400,
  );
}
