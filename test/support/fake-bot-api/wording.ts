/**
 * Every error the fake answers with, in Telegram's wording, kept in one table so
 * a wording fix is a one-line change. Sources: tdlib's td/telegram/MessageEntity.cpp
 * (HTML parser messages) and error texts widely reported by Bot API users; the
 * entries marked "unconfirmed" are plausible but were not checked against Telegram.
 */
export const TG = {
  unauthorized: [401, 'Unauthorized'],
  notFound: [404, 'Not Found'],
  methodNotFound: [404, 'Not Found: method not found'],
  conflictGetUpdates: [
    409,
    'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  ],
  conflictWebhook: [
    409,
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  ],
  chatNotFound: [400, 'Bad Request: chat not found'],
  chatIdEmpty: [400, 'Bad Request: chat_id is empty'],
  textEmpty: [400, 'Bad Request: message text is empty'],
  tooLong: [400, 'Bad Request: message is too long'],
  unsupportedParseMode: [400, 'Bad Request: unsupported parse_mode'],
  buttonDataInvalid: [400, 'Bad Request: BUTTON_DATA_INVALID'],
  textButtonInInline: [
    400,
    "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
  ],
  botCommandInvalid: [400, 'Bad Request: BOT_COMMAND_INVALID'],
  botCommandDescriptionInvalid: [400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID'],
  botCommandsTooMuch: [400, 'Bad Request: BOT_COMMANDS_TOO_MUCH'], // unconfirmed
  messageToEditNotFound: [400, 'Bad Request: message to edit not found'],
  messageNotModified: [
    400,
    'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  ],
  messageToDeleteNotFound: [400, 'Bad Request: message to delete not found'],
  queryInvalid: [400, 'Bad Request: query is too old and response timeout expired or query ID is invalid'],
  wrongChatAction: [400, 'Bad Request: wrong parameter action in request'], // unconfirmed
  migrated: [400, 'Bad Request: group chat was upgraded to a supergroup chat'],
  blocked: [403, 'Forbidden: bot was blocked by the user'],
  kickedGroup: [403, 'Forbidden: bot was kicked from the group chat'],
  kickedSupergroup: [403, 'Forbidden: bot was kicked from the supergroup chat'],
  deactivated: [403, 'Forbidden: user is deactivated'],
  internal: [500, 'Internal Server Error'],
  noDocument: [400, 'Bad Request: there is no document in the request'],
  emptyFile: [400, 'Bad Request: file must be non-empty'],
  wrongFileId: [400, 'Bad Request: wrong file identifier/HTTP URL specified'],
  invalidFileId: [400, 'Bad Request: invalid file_id'],
  fileTooBig: [400, 'Bad Request: file is too big'],
  captionTooLong: [400, 'Bad Request: message caption is too long'],
  invalidUserId: [400, 'Bad Request: invalid user_id specified'],
  threadNotFound: [400, 'Bad Request: message thread not found'],
  notForum: [400, 'Bad Request: the chat is not a forum'], // unconfirmed
  topicNameInvalid: [400, 'Bad Request: TOPIC_TITLE_EMPTY'], // unconfirmed
  noPhoto: [400, 'Bad Request: there is no photo in the request'],
  imageProcessFailed: [400, 'Bad Request: IMAGE_PROCESS_FAILED'],
  photoInvalidDimensions: [400, 'Bad Request: PHOTO_INVALID_DIMENSIONS'],
  photoTooBig: [400, 'Bad Request: PHOTO_SAVE_FILE_INVALID'], // unconfirmed for an over-10-MB upload
} as const satisfies Record<string, readonly [number, string]>;

/** Prefix Telegram puts in front of every HTML/Markdown parser message. */
export const parseEntitiesError = (reason: string): readonly [number, string] => [
  400,
  `Bad Request: can't parse entities: ${reason}`,
];

/** Flood-control answer; retry_after is also sent in `parameters`. */
export const tooManyRequests = (seconds: number): readonly [number, string] => [
  429,
  `Too Many Requests: retry after ${seconds}`,
];

/** `parameters` of a Telegram error (ResponseParameters). */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

/** A Telegram error answer, thrown inside handlers and turned into the HTTP reply. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  /** Builds an ApiError from a table entry such as `TG.chatNotFound`. */
  static of(entry: readonly [number, string], parameters?: ResponseParameters): ApiError {
    return new ApiError(entry[0], entry[1], parameters);
  }
}
