/** /timezone <IANA | city | UTC±h | default>: the chat's time zone. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { chatTimezoneLabel, describeSchedule } from '../chat-schedule.js';
import { resolveTimeZone } from '../time-zone-input.js';
import { replyText } from '../reply.js';
import { NOT_SUBSCRIBED } from './pause.js';

/**
 * Set or reset the chat's time zone.
 * @example handleTimezone(ctx, { ...input, args: 'Kyiv' }, deps)
 */
export async function handleTimezone(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (input.args === '') {
    const sub = await deps.store.getSubscriber(input.chat.id);
    return replyText(ctx, `Your time zone: ${chatTimezoneLabel(deps, sub)}${sub?.timezone ? '' : ' (the default)'}. Change it with /timezone Europe/Kyiv, /timezone Kyiv or /timezone UTC+3.`);
  }
  const reset = /^(default|reset)$/i.test(input.args);
  const zone = reset ? null : resolveTimeZone(input.args);
  if (!reset && zone === null) {
    return replyText(ctx, `Unknown time zone "${input.args.slice(0, 40)}". Usage: /timezone Europe/Kyiv, /timezone Kyiv or /timezone UTC+3.`);
  }
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, NOT_SUBSCRIBED);
  await deps.store.setSchedule(input.chat.id, { timezone: zone });
  const next = { ...sub, timezone: zone };
  await replyText(ctx, `Time zone set to ${chatTimezoneLabel(deps, next)}. Your digest arrives ${describeSchedule(deps, next)}.`);
}
