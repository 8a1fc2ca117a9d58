import { markdownPlainText, parseHtml, type ParsedEntity } from './html.js';
import { ApiError, parseEntitiesError, TG } from './wording.js';

/** Telegram's limit for message text, in UTF-16 code units after entity parsing. */
export const MAX_TEXT_LENGTH = 4096;

/** Text as Telegram stores it: plain text + entities. */
export interface FormattedText {
  text: string;
  entities: ParsedEntity[];
}

/**
 * Applies parse_mode (HTML fully validated, Markdown only reduced to plain text) or explicit
 * entities, then the emptiness and length checks, in that order like the Bot API.
 */
export function formatText(rawText: unknown, parseMode: unknown, entities: unknown, strictEntities = false): FormattedText {
  if (rawText === undefined || rawText === null) throw ApiError.of(TG.textEmpty);
  const raw = typeof rawText === 'string' ? rawText : String(rawText);
  const mode = typeof parseMode === 'string' ? parseMode.toLowerCase() : '';
  let result: FormattedText;
  if (mode === 'html') {
    const parsed = parseHtml(raw, { strictEntities });
    if (!parsed.ok) throw ApiError.of(parseEntitiesError(parsed.reason));
    result = { text: parsed.text, entities: parsed.entities };
  } else if (mode === 'markdown' || mode === 'markdownv2') {
    result = { text: markdownPlainText(raw), entities: [] };
  } else if (mode === '' || mode === 'none') {
    result = { text: raw, entities: Array.isArray(entities) ? (entities as ParsedEntity[]) : [] };
  } else {
    throw ApiError.of(TG.unsupportedParseMode);
  }
  // Telegram drops surrounding whitespace, so whitespace-only text counts as empty
  if (result.text.trim() === '') throw ApiError.of(TG.textEmpty);
  if (result.text.length > MAX_TEXT_LENGTH) throw ApiError.of(TG.tooLong);
  return result;
}

// A button of an inline keyboard needs exactly one of these actions.
const BUTTON_ACTIONS = [
  'url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
];

/** Validates reply_markup; only inline keyboards are checked in depth. */
export function validateReplyMarkup(markup: unknown): void {
  if (markup === undefined || markup === null || markup === '') return;
  if (typeof markup !== 'object') throw new ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return;
  if (!Array.isArray(rows)) throw new ApiError(400, 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array');
  for (const row of rows) {
    if (!Array.isArray(row)) throw new ApiError(400, 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row as Array<Record<string, unknown>>) {
      if (!BUTTON_ACTIONS.some((k) => button?.[k] !== undefined)) throw ApiError.of(TG.textButtonInInline);
      const data = button.callback_data;
      // the limit is 1-64 *bytes*, so multi-byte characters count more than once
      if (data !== undefined && (typeof data !== 'string' || Buffer.byteLength(data, 'utf8') < 1 || Buffer.byteLength(data, 'utf8') > 64)) {
        throw ApiError.of(TG.buttonDataInvalid);
      }
    }
  }
}

/** A BotCommand. */
export interface BotCommand {
  command: string;
  description: string;
}

/** Validates setMyCommands' list (name `^[a-z0-9_]{1,32}$`, description 1-256 chars, ≤ 100 commands). */
export function validateCommands(commands: unknown): BotCommand[] {
  if (commands === undefined) return [];
  if (!Array.isArray(commands)) throw new ApiError(400, "Bad Request: can't parse commands JSON object");
  if (commands.length > 100) throw ApiError.of(TG.botCommandsTooMuch);
  return commands.map((c: unknown) => {
    const { command, description } = (c ?? {}) as Record<string, unknown>;
    if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw ApiError.of(TG.botCommandInvalid);
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
      throw ApiError.of(TG.botCommandDescriptionInvalid);
    }
    return { command, description };
  });
}
