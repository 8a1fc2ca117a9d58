/**
 * An operator sends an .opml/.xml file in a private chat: the bot downloads it from Telegram and
 * imports its feeds the way `keyfigures feeds import` does (verified, private addresses allowed),
 * then replies with a summary. Anyone else's documents change nothing.
 */
import type { Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { BotDeps } from './bot-deps.js';
import { importOpmlFeeds, type OpmlImportResult } from '../app/import-opml.js';
import { fetchUrl } from '../net/fetch-url.js';
import { decodeBody } from '../feeds/decode-body.js';
import { isBotAdmin } from './guards/bot-admin.js';
import { htmlLine, packBlocks } from './html.js';
import { replyHtml, replyText } from './reply.js';
import { chatTr } from './chat-language.js';

/** Largest OPML file the bot downloads (Telegram would serve up to 20 MB). */
export const MAX_OPML_BYTES = 1024 * 1024;
/** Failures listed one by one in the summary; the rest are counted. */
const MAX_LISTED_FAILURES = 20;

/** True for a file name an OPML upload may have. */
export const isOpmlFileName = (name: string | undefined): boolean => /\.(opml|xml)$/i.test(name ?? '');

/**
 * Handle a document message: an operator's OPML in a private chat is imported; other documents
 * in private chats get a one-line pointer, in groups nothing.
 * @example bot.on(message('document'), (ctx) => handleOpmlUpload(ctx, ctx.message, deps))
 */
export async function handleOpmlUpload(ctx: Context, msg: Message.DocumentMessage, deps: BotDeps): Promise<void> {
  if (msg.chat.type !== 'private') return;
  const doc = msg.document;
  if (!isBotAdmin(deps, msg.from?.id)) {
    if (isOpmlFileName(doc.file_name)) await replyText(ctx, chatTr(ctx).t('operators-only-import'));
    return;
  }
  if (!isOpmlFileName(doc.file_name)) return replyText(ctx, 'To import feeds, send an OPML file (.opml or .xml).');
  if ((doc.file_size ?? 0) > MAX_OPML_BYTES) {
    return replyText(ctx, `That file is too large to import (${Math.ceil((doc.file_size ?? 0) / 1024)} KB; at most ${MAX_OPML_BYTES / 1024} KB).`);
  }
  let xml: string;
  try {
    // The link carries the bot token: never put it (or an error quoting it) in a reply or a log.
    const link = await ctx.telegram.getFileLink(doc.file_id);
    const file = await fetchUrl(link.href, { timeoutMs: 15_000, maxBytes: MAX_OPML_BYTES });
    xml = decodeBody(file.body, file.contentType);
  } catch (err) {
    deps.logger.warn({ chat: msg.chat.id, code: (err as { code?: unknown }).code ?? null }, 'OPML download failed');
    return replyText(ctx, 'Could not download that file from Telegram. Please send it again.');
  }
  // Verifying hundreds of feeds outlasts a handler's time limit: acknowledge now, report when done.
  await replyText(ctx, `Importing feeds from ${doc.file_name ?? 'your file'}: each is checked first. A summary follows.`);
  void importAndReport(ctx, msg, xml, deps);
}

/** The import itself, in the background of the update that started it; never throws. */
async function importAndReport(ctx: Context, msg: Message.DocumentMessage, xml: string, deps: BotDeps): Promise<void> {
  const name = msg.document.file_name ?? 'that file';
  try {
    let result: OpmlImportResult;
    try {
      result = await importOpmlFeeds(xml, { add: (entry) => deps.addFeed(entry.url, { allowPrivate: true }), concurrency: 4 });
    } catch (err) {
      return await replyText(ctx, `Could not import ${name}: ${(err as Error).message.slice(0, 300)}`);
    }
    deps.logger.info({ chat: msg.chat.id, added: result.added, existing: result.existing, failed: result.failures.length }, 'OPML imported');
    await replyHtml(ctx, importSummary(name, result));
  } catch (err) {
    deps.logger.error({ chat: msg.chat.id, err: (err as Error).message }, 'OPML import report failed');
  }
}

/**
 * An import's summary as Telegram HTML messages (escaped, ≤ 4,096 units each).
 * @example importSummary('feeds.opml', { entries: 3, added: 2, existing: 0, failures: [{ url: null, reason: '"X" has no xmlUrl' }] })
 */
export function importSummary(fileName: string, r: OpmlImportResult): string[] {
  const head = [
    htmlLine([{ text: `Imported ${fileName}`, style: 'b' }], 300),
    htmlLine([`${r.entries} entries: ${r.added} added, ${r.existing} already there, ${r.failures.length} failed`]),
  ];
  const listed = r.failures.slice(0, MAX_LISTED_FAILURES).map((f) => [
    htmlLine(f.url ? ['• ', { text: f.url, style: 'code' }, ` — ${f.reason}`] : [`• ${f.reason}`], 600),
  ]);
  const more = r.failures.length - listed.length;
  return packBlocks([head, ...listed, ...(more > 0 ? [[htmlLine([`…and ${more} more failed.`])]] : [])]);
}
