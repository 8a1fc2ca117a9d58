/**
 * A readable transcript of two short sessions with the real bot, through the fake Bot API with
 * Telegram's flood limits on: ten messages and taps in a private chat, ten in a group (an admin
 * and a member). Each line is what a user sent or tapped and what the bot answered — new
 * messages with their buttons, edits in place, the notices a tap gets — and when (seconds since
 * the session began). Ends with the 429 count, rejected calls and handler errors.
 *
 *   npm run transcript [-- --no-flood]
 */
import { parseArgs } from 'node:util';
import { startHarness, seedArticle, KURSK, BRIDGE, buttons, type Harness, type Sender } from '../bot/bot-harness.js';
import type { ApiCall } from '../support/fake-bot-api.js';
import { startFixtureServer } from '../support/http-fixture-server.js';
import { serveSampleNews } from '../support/sample-news.js';

const { values } = parseArgs({ options: { 'no-flood': { type: 'boolean' } } });
const flood = !values['no-flood'];

const PRIVATE = { id: 7101, type: 'private' as const, first_name: 'Ann' };
const GROUP = { id: -4101, type: 'group' as const, title: 'Newsroom' };
const ANN: Sender & { name: string } = { id: PRIVATE.id, name: 'Ann' };
const EDITOR: Sender & { name: string } = { id: 5201, name: 'Editor (admin)' };
const READER: Sender & { name: string } = { id: 5202, name: 'Reader (member)' };

/** One step: a message, or a tap of the button labelled `label` on the bot's last message that has it. */
type Step = { from: Sender & { name: string }; text: string } | { from: Sender & { name: string }; tap: string };

/** The private session; `feedUrl` is a feed the user pastes (served locally). */
const privateSession = (feedUrl: string): Step[] => [
  { from: ANN, text: '/start' },
  { from: ANN, text: '/digest' },
  { from: ANN, tap: 'Story 1' },
  { from: ANN, text: '/why 971' },
  { from: ANN, text: feedUrl },
  { from: ANN, tap: 'Subscribe' },
  { from: ANN, text: '/settings' },
  { from: ANN, tap: '07:00' },
  { from: ANN, tap: '🖼 Picture card: turn on' },
  { from: ANN, text: '/language uk' },
];

const GROUP_SESSION: Step[] = [
  { from: READER, text: '/start@KeyFiguresTestBot' },
  { from: EDITOR, text: '/start@KeyFiguresTestBot' },
  { from: READER, text: '/digest' },
  { from: READER, tap: 'Story 2' },
  { from: READER, text: '/settings' },
  { from: READER, tap: '⏸ Pause' },
  { from: EDITOR, tap: '⏸ Pause' },
  { from: EDITOR, text: '/time 07:30' },
  { from: READER, text: '/story 1' },
  { from: EDITOR, text: '/resume' },
];

/** Run the steps in the chat one at a time, each after the bot finished answering the last; the conversation as text. */
async function session(harness: Harness, title: string, chat: typeof PRIVATE | typeof GROUP, steps: Step[]): Promise<string> {
  const lines = [`── ${title} ──`];
  const started = Date.now();
  const at = (ms: number) => `+${((ms - started) / 1000).toFixed(1)}s`.padStart(7);
  for (const step of steps) {
    const mark = harness.api.calls().length;
    if ('text' in step) {
      lines.push(`${at(Date.now())}  ${step.from.name} → ${quote(step.text)}`);
      harness.api.sendText(chat, step.text, step.from);
    } else {
      const target = [...harness.api.sent(chat.id)]
        .reverse()
        .map((m) => ({ m, now: harness.api.message(chat.id, m.message_id) }))
        .find(({ now }) => buttons(now ?? {}).some((b) => b.text === step.tap));
      if (!target) throw new Error(`no button "${step.tap}" in ${title}`);
      const data = buttons(target.now!).find((b) => b.text === step.tap)!.callback_data!;
      lines.push(`${at(Date.now())}  ${step.from.name} taps [${step.tap}] under message #${target.m.message_id}`);
      harness.api.pressButton(chat, target.m.message_id, data, step.from);
    }
    await answered(harness, mark, 'tap' in step);
    for (const call of harness.api.calls().slice(mark)) lines.push(...describe(harness, chat.id, call, at));
  }
  return lines.join('\n');
}

/** Wait until the bot answered the step (a message, or the tap's answer) and has nothing left to send. */
async function answered(harness: Harness, mark: number, tap: boolean): Promise<void> {
  const done = () => harness.api.calls().slice(mark).some((c) => c.status === 200 && (tap ? c.method === 'answerCallbackQuery' : /^(send|edit)/.test(c.method)));
  const deadline = Date.now() + 120_000;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await harness.lanes.idle();
  await harness.deps.jobs.idle();
  await harness.deps.sender.idle();
}

/** The lines for one accepted call of the bot to the chat (nothing for reads and refused calls). */
function describe(harness: Harness, chatId: number, call: ApiCall, at: (ms: number) => string): string[] {
  if (call.status !== 200) return call.status >= 400 ? [`${at(call.at)}  (Telegram answered ${call.method} ${call.status}: ${call.description})`] : [];
  const p = call.params as Record<string, unknown>;
  if (call.method === 'answerCallbackQuery') return [`${at(call.at)}  Bot ↳ ${p.text ? `notice "${String(p.text)}"` : '(tap answered, no notice)'}`];
  if (Number(p.chat_id) !== chatId) return [];
  if (call.method === 'sendMessage' || call.method === 'editMessageText') {
    // the fake records accepted sendMessage calls in order: the n-th to the chat is its n-th sent message
    const nth = harness.api.calls('sendMessage').filter((c) => c.status === 200 && Number((c.params as Record<string, unknown>).chat_id) === chatId && c.at <= call.at).indexOf(call);
    const shown = call.method === 'sendMessage' ? harness.api.sent(chatId)[nth] : undefined;
    const id = shown?.message_id ?? Number(p.message_id);
    const text = shown?.text ?? plain(String(p.text));
    const head = call.method === 'sendMessage' ? `Bot → #${id}` : `Bot ✎ edits #${id}`;
    return [`${at(call.at)}  ${head}:`, ...indent(text), ...keyboard(p.reply_markup)];
  }
  if (call.method === 'sendPhoto') return [`${at(call.at)}  Bot → [photo] ${plain(String(p.caption ?? ''))}`];
  if (call.method === 'setMyCommands') return [`${at(call.at)}  Bot sets this chat's command menu (${String((p.language_code as string | undefined) ?? 'chat language')})`];
  return [];
}

const indent = (text: string) => text.split('\n').map((l) => `           ${l}`);
const quote = (text: string) => (text.includes('\n') ? JSON.stringify(text) : text);

/** Buttons as "[a] [b]" rows. */
function keyboard(markup: unknown): string[] {
  const rows = ((typeof markup === 'string' ? JSON.parse(markup) : markup) as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined)?.inline_keyboard ?? [];
  return rows.map((row) => `           ${row.map((b) => `[${b.text}]`).join(' ')}`);
}

/** HTML as the user sees it (for edits, whose result the fake does not log by call). */
function plain(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Both sessions; true when nothing was rejected and no handler failed. */
async function main(): Promise<boolean> {
  // The feed Ann pastes is served on this machine, so private addresses are allowed (as an operator can).
  const site = await startFixtureServer();
  const feedUrl = serveSampleNews(site);
  const h = await startHarness({
    env: { ALLOW_PRIVATE_FEEDS: 'true' },
    ...(flood
      ? { floodLimits: { globalPerSecond: 30, privatePerSecond: 1, privateBurst: 3, groupPerMinute: 20 }, pacer: { globalPerSecond: 25, privateIntervalMs: 1000, groupPerMinute: 20 } }
      : {}),
  });
  const feed = (await h.store.addFeed('https://world.test/rss')).feed;
  await seedArticle(h.store, { ...KURSK, feedId: feed.id, source: 'Ukrinform' });
  await seedArticle(h.store, { ...BRIDGE, feedId: feed.id, source: 'Port Gazette', minutesAgo: 50 });
  h.api.setChatMember(GROUP.id, EDITOR.id, 'administrator');

  const out: string[] = [];
  out.push(`KeyFigures — two sessions through the fake Bot API (${flood ? "Telegram's flood limits on: 1 msg/s per private chat, 20/min per group" : 'no flood limits'})`);
  out.push(await session(h, 'Private chat with Ann', PRIVATE, privateSession(feedUrl)));
  out.push(await session(h, 'Group "Newsroom" (an admin and a member)', GROUP, GROUP_SESSION));
  out.push(
    [
      '── Totals ──',
      `429 answers: ${h.api.floodCount()}; sends before retry_after: ${h.api.earlySends().length}`,
      `rejected calls: ${h.api.rejected().length}${h.api.rejected().length ? ` (${h.api.rejected().map((r) => `${r.method}: ${r.description}`).join('; ')})` : ''}`,
      `handler errors: ${h.errors.length}`,
    ].join('\n'),
  );
  await h.stop();
  await site.close();
  console.log(out.join('\n\n'));
  return h.api.rejected().length === 0 && h.errors.length === 0;
}

process.exit((await main()) ? 0 : 1);
