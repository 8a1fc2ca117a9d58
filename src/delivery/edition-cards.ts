/**
 * The edition's picture card, ready to send: rendered once per edition and language (a thousand
 * chats share one rendering, and one PNG in memory), uploaded once (later sends name Telegram's
 * file_id instead of uploading the bytes again). Used by the outbox and by /card.
 */
import type { Digest } from '../domain/types.js';
import type { Store } from '../store/store.js';
import { cardText } from '../render/card/render-card.js';
import { renderCard } from '../app/picture/render-card-png.js';
import { pickCardFigures } from '../render/card/pick-card-figures.js';
import { escapeHtml } from '../render/escape-html.js';
import { translator, type Translator } from '../i18n/translator.js';
import type { PhotoSource } from './chat-sender.js';

/** One edition's card in one language. */
export interface EditionCard {
  /** `<digest id>:<locale>`: what the rendering and the upload are kept under. */
  key: string;
  png: Buffer;
  /** The photo's caption, Telegram HTML (escaped), far below Telegram's 1,024. */
  caption: string;
}

/** The file name the card is uploaded under. */
export const CARD_FILE_NAME = 'day-in-numbers.png';

/**
 * The caption under the card: brand, title and edition date in the reader's language.
 * @example cardCaption(digest, translator('en')) // 'KeyFigures · The day in numbers · 24 Nov 2026'
 */
export function cardCaption(digest: Pick<Digest, 'date' | 'stories'>, tr: Translator): string {
  const text = cardText(digest, tr);
  return escapeHtml(`${text.brand} · ${text.title} · ${text.date}`);
}

/**
 * Cards by edition and language, the last `keep` rendered kept in memory (a new edition replaces
 * the old ones; a render that failed is not kept, so the next send tries again).
 * @example const card = await cards.card(digestId, 'uk'); if (card) await sender.sendPhoto(chatId, { png: card.png }, …)
 */
export class EditionCards {
  /** Renderings done so far (what the cache saves is counted here). */
  renders = 0;
  private readonly cards = new Map<string, Promise<EditionCard | null>>();
  private readonly fileIds = new Map<string, string>();
  /** Uploads on the wire, by card: other sends of the card wait for its file_id rather than upload too. */
  private readonly uploads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Pick<Store, 'getDigest'>,
    private readonly keep = 6,
  ) {}

  /** The card of edition `digestId` in `language`; null when the edition is gone or has no figures. */
  card(digestId: number, language?: string | null): Promise<EditionCard | null> {
    const tr = translator(language);
    const key = `${digestId}:${tr.locale}`;
    let card = this.cards.get(key);
    if (card) {
      this.cards.delete(key); // most recently used last
    } else {
      card = this.render(digestId, key, tr);
      card.catch(() => this.cards.delete(key));
    }
    this.cards.set(key, card);
    for (const old of this.cards.keys()) {
      if (this.cards.size <= this.keep) break;
      this.cards.delete(old);
      this.fileIds.delete(old);
    }
    return card;
  }

  /**
   * Send the card with `send`: by the file_id of an earlier upload when there is one, else the
   * bytes — one upload at a time per card, so sends running together upload it once and the rest
   * name its file_id. A file_id Telegram refuses (`staleFileId`) is forgotten and the card uploaded.
   * @example await cards.sendWith(card, (photo) => sender.sendPhoto(chatId, photo, opts), isRejected)
   */
  async sendWith(
    card: EditionCard,
    send: (photo: PhotoSource) => Promise<{ messageId: number; fileId: string | null }>,
    staleFileId: (err: unknown) => boolean,
  ): Promise<number> {
    for (let pending = this.uploads.get(card.key); pending; pending = this.uploads.get(card.key)) await pending.catch(() => undefined);
    const known = this.fileIds.get(card.key);
    if (known) {
      try {
        return (await send({ fileId: known })).messageId;
      } catch (err) {
        if (!staleFileId(err)) throw err;
        this.fileIds.delete(card.key);
      }
    }
    const upload = send({ png: card.png, fileName: CARD_FILE_NAME });
    this.uploads.set(card.key, upload);
    try {
      const sent = await upload;
      if (sent.fileId) this.fileIds.set(card.key, sent.fileId);
      return sent.messageId;
    } finally {
      this.uploads.delete(card.key);
    }
  }

  private async render(digestId: number, key: string, tr: Translator): Promise<EditionCard | null> {
    const digest = await this.store.getDigest(digestId);
    if (!digest || pickCardFigures(digest).length === 0) return null;
    this.renders++;
    return { key, png: await renderCard(digest, { locale: tr.locale }), caption: cardCaption(digest, tr) };
  }
}
