/**
 * "The day in numbers": the words of an edition's picture card (1080×1350). The card is drawn
 * as PNG by app/picture/render-card-png.ts, in a renderer process of its own.
 */
import type { Digest } from '../../domain/types.js';
import { countsText, formatDigestDate } from '../format-figure.js';
import { translator, type Translator } from '../../i18n/translator.js';
import type { CardText } from './card-layout.js';

/**
 * The card's words for an edition, in the reader's language.
 * @example cardText(digest, translator('uk')).title // 'День у цифрах'
 */
export function cardText(digest: Pick<Digest, 'date' | 'stories'>, tr: Translator): CardText {
  return {
    brand: 'KeyFigures',
    title: tr.t('card-title'),
    date: formatDigestDate(digest.date, tr.locale),
    footer: countsText(digest.stories, tr, 'card-footer'),
    empty: tr.t('card-empty'),
  };
}
