/** /start: subscribe this chat (or re-activate it after /stop or a block). */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import { escapeHtml } from '../../pipeline/escape-html.js';

/**
 * Subscribe the chat and greet with when the digest comes and what to try next.
 * @example bot.command('start', (ctx) => handleStart(ctx, deps))
 */
export async function handleStart(ctx: Context, deps: BotDeps): Promise<void> {
  const chat = ctx.chat!;
  const title = 'title' in chat ? chat.title : 'username' in chat ? (chat.username ?? null) : null;
  const { change } = await deps.store.subscribe({ chatId: chat.id, chatType: chat.type, title: title ?? null }, new Date().toISOString());
  deps.logger.info({ chat: chat.id, change }, 'subscribe');
  const when = deps.nextDigestTime();
  const lead =
    change === 'unchanged'
      ? 'You are already subscribed.'
      : change === 'reactivated'
        ? 'Welcome back — you are subscribed again.'
        : 'Subscribed to <b>KeyFigures</b>: the numbers that matter in the news, each traceable to its sentence.';
  const lines = [
    lead,
    when ? `Next digest: <b>${escapeHtml(when)}</b>.` : '',
    '',
    'Each story comes as a few lines like:',
    '• <b>971</b> Russian soldiers captured',
    '',
    '/digest — the latest digest now',
    '/stop — unsubscribe',
    '/help — all commands',
  ];
  await ctx.reply(lines.filter((l, i) => l !== '' || i > 0).join('\n'), { parse_mode: 'HTML' });
}
