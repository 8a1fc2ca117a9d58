/** /admin: the operators' commands (ADMIN_IDS only, in a private chat): feeds, export, schedule, stats, preview, broadcast. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { FetchError } from '../../domain/errors.js';
import { previewDigest } from '../../app/make-digest.js';
import { exportOpml } from '../../app/import-opml.js';
import { renderTelegram } from '../../render/render-telegram.js';
import { nextRun } from '../../jobs/next-run.js';
import { describeLocal } from '../chat-schedule.js';
import { timeZoneLabel } from '../time-zone-input.js';
import { effectiveSchedule } from '../../jobs/schedule-settings.js';
import { isBotAdmin } from '../guards/bot-admin.js';
import { htmlLine, packBlocks } from '../html.js';
import { ADMIN_USAGE, replyHtml, replyText } from '../reply.js';
import { feedHealth } from './sources.js';
import { chatTr } from '../chat-language.js';
import { translator } from '../../i18n/translator.js';

/** Longest broadcast, leaving room under Telegram's 4,096 once escaped. */
const MAX_BROADCAST = 3000;

/**
 * Run an /admin subcommand; anyone not in ADMIN_IDS gets a polite refusal and nothing changes.
 * @example handleAdmin(ctx, { ...input, args: 'feeds list' }, deps)
 */
export async function handleAdmin(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  // Operators' tools answer in English, like the CLI; only the refusal is for everyone.
  if (!isBotAdmin(deps, input.fromId)) return replyText(ctx, chatTr(ctx).t('operators-only'));
  if (input.chat.type !== 'private') return replyText(ctx, 'Admin commands work only in a private chat with the bot.');
  const [sub = '', ...rest] = input.args.split(/\s+/);
  const arg = input.args.slice(sub.length).trim();
  switch (sub.toLowerCase()) {
    case 'feeds':
      return adminFeeds(ctx, deps, rest[0]?.toLowerCase() ?? 'list', arg.slice((rest[0] ?? '').length).trim());
    case 'export':
      return adminExport(ctx, deps);
    case 'schedule':
      return adminSchedule(ctx, deps, arg);
    case 'stats':
      return adminStats(ctx, deps);
    case 'preview':
      return adminPreview(ctx, deps);
    case 'broadcast':
      return adminBroadcast(ctx, input, deps, arg);
    default:
      return replyText(ctx, `Usage: ${ADMIN_USAGE}`);
  }
}

async function adminFeeds(ctx: Context, deps: BotDeps, action: string, arg: string): Promise<void> {
  if (action === 'list') {
    const [feeds, userFeeds] = await Promise.all([deps.store.listFeeds(), deps.store.userFeedIds()]);
    if (feeds.length === 0) return replyText(ctx, 'No feeds. Add one with /admin feeds add <url>.');
    const mine = new Set(userFeeds);
    const blocks = feeds.map((f) => [
      htmlLine([{ text: `#${f.id}`, style: 'b' }, ` ${f.title ?? ''}${mine.has(f.id) ? ' (added by a subscriber)' : ''}`], 300),
      htmlLine([{ text: f.url, style: 'code' }, ` · ${feedHealth(f, deps.settings.timezone, translator('en'))}`], 600),
    ]);
    return replyHtml(ctx, packBlocks([[htmlLine([{ text: `Feeds (${feeds.length})`, style: 'b' }])], ...blocks]));
  }
  if (action === 'add') {
    if (!/^https?:\/\/\S+$/i.test(arg)) return replyText(ctx, 'Usage: /admin feeds add <url>');
    try {
      const { feed, created } = await deps.addFeed(arg, { allowPrivate: true });
      return replyText(ctx, created ? `Added feed #${feed.id}: ${feed.url}` : `Already there: feed #${feed.id}.`);
    } catch (err) {
      const reason = err instanceof FetchError ? err.message : (err as Error).message;
      return replyText(ctx, `Could not add that feed: ${reason.slice(0, 300)}`);
    }
  }
  if (action === 'remove') {
    const target = /^#?\d+$/.test(arg) ? Number(arg.replace('#', '')) : arg;
    if (target === '') return replyText(ctx, 'Usage: /admin feeds remove <id|url>');
    const removed = await deps.store.removeFeed(target);
    return replyText(ctx, removed ? `Removed feed ${arg}.` : `No feed ${arg.slice(0, 100)}. /admin feeds list shows the ids.`);
  }
  return replyText(ctx, 'Usage: /admin feeds list | add <url> | remove <id|url>');
}

/** The feed list as an OPML 2.0 file (what `keyfigures feeds export` writes). */
async function adminExport(ctx: Context, deps: BotDeps): Promise<void> {
  const opml = await exportOpml(deps.store, deps.now());
  const count = (await deps.store.listFeeds()).length;
  await ctx.replyWithDocument(
    { source: Buffer.from(opml, 'utf8'), filename: 'keyfigures-feeds.opml' },
    { caption: `${count} feed${count === 1 ? '' : 's'} as OPML. Send an .opml file back to import feeds.` },
  );
}

async function adminSchedule(ctx: Context, deps: BotDeps, arg: string): Promise<void> {
  const schedule = await effectiveSchedule(deps.store, { fetchCron: deps.fetchCron, digest: deps.digestCron, timezone: deps.settings.timezone });
  const hhmm = /^(\d{2}):(\d{2})$/.exec(schedule.digest);
  const cron = hhmm ? `${Number(hhmm[2])} ${Number(hhmm[1])} * * *` : schedule.digest;
  let next: Date | null = null;
  try {
    next = nextRun(cron, schedule.timezone, deps.now());
  } catch {
    next = null;
  }
  const counts = await deps.store.subscriberCounts();
  const changed = (field: 'fetchCron' | 'digest' | 'timezone') => (schedule.overridden.includes(field) ? ' (set at run time)' : '');
  const lines = [
    htmlLine([{ text: 'Digest schedule', style: 'b' }]),
    htmlLine(['Default digest: ', { text: schedule.digest, style: 'code' }, changed('digest'), ` in ${timeZoneLabel(schedule.timezone)}`, changed('timezone')]),
    htmlLine([`Next default digest: ${next ? describeLocal(next, schedule.timezone, 'en') : 'never'}`]),
    htmlLine(['Fetch: ', { text: schedule.fetchCron, style: 'code' }, changed('fetchCron')]),
    htmlLine([`Chats with their own time: ${counts.ownTime} of ${counts.active} · paused: ${counts.paused}`]),
    ...(arg ? [htmlLine([{ text: 'Changing the default schedule: keyfigures schedule set (operators’ CLI). Chats set their own with /time.', style: 'i' }])] : []),
  ];
  await replyHtml(ctx, [lines.join('\n')]);
}

async function adminStats(ctx: Context, deps: BotDeps): Promise<void> {
  const [subs, feeds, articles, deliveries, latest] = await Promise.all([
    deps.store.subscriberCounts(),
    deps.store.listFeeds(),
    deps.store.articleStats(),
    deps.store.deliveryCounts(),
    deps.store.latestDigest(),
  ]);
  const lines = [
    htmlLine([{ text: 'Stats', style: 'b' }]),
    htmlLine([`Subscribers: ${subs.active} active (${subs.paused} paused, ${subs.groups} groups/channels)`]),
    htmlLine([`Feeds: ${feeds.length} (${feeds.filter((f) => f.lastError).length} failing)`]),
    htmlLine([`Articles: ${articles.articles} · figures: ${articles.figures} · last fetched: ${articles.lastFetchedAt ? whenLocal(articles.lastFetchedAt, deps) : 'never'}`]),
    htmlLine([`Last digest: ${latest ? `#${latest.id}, ${latest.stories.length} stories, built ${whenLocal(latest.createdAt, deps)}` : 'none yet'}`]),
    htmlLine([`Deliveries: ${deliveries.sent} sent · ${deliveries.pending} pending · ${deliveries.failed} failed · ${deliveries.cancelled} cancelled`]),
  ];
  await replyHtml(ctx, [lines.join('\n')]);
}

/** "24 Nov, 08:00 (UTC+3), 5 min ago": local time in the default zone, and how long ago. */
function whenLocal(at: Date, deps: BotDeps): string {
  const tz = deps.schedule().timezone;
  return `${describeLocal(at, tz, 'en')}, ${ago(deps.now().getTime() - at.getTime())}`;
}

/**
 * "just now", "5 min ago", "3 h ago", "2 days ago".
 * @example ago(90_000) // '1 min ago'
 */
export function ago(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

async function adminPreview(ctx: Context, deps: BotDeps): Promise<void> {
  const digest = await previewDigest({ store: deps.store, settings: deps.settings, now: deps.now() });
  await replyHtml(ctx, renderTelegram(digest, { heading: `Preview · ${digest.date} (not sent to subscribers)` }));
}

async function adminBroadcast(ctx: Context, input: CommandInput, deps: BotDeps, text: string): Promise<void> {
  if (text === '') return replyText(ctx, 'Usage: /admin broadcast <text>');
  if (text.length > MAX_BROADCAST) return replyText(ctx, `A broadcast is at most ${MAX_BROADCAST} characters (this one has ${text.length}).`);
  const { active } = await deps.store.subscriberCounts();
  const id = await deps.store.createBroadcast(input.fromId ?? 0, text, deps.now());
  const preview = packBlocks([
    [htmlLine([{ text: `Send this to ${active} chat${active === 1 ? '' : 's'}?`, style: 'b' }])],
    [htmlLine([text.slice(0, 600)])],
  ]);
  await replyHtml(ctx, preview, {
    inline_keyboard: [[{ text: `Send to ${active}`, callback_data: `bc:y:${id}` }, { text: 'Cancel', callback_data: `bc:n:${id}` }]],
  });
}
