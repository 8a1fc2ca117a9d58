/**
 * The /settings buttons ("cfg:…" data): digest time presets, pause/resume, default time zone,
 * language, the picture card on/off, and in a group with topics where the digest goes.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Subscriber } from '../../domain/types.js';
import { DEFAULT_DELIVERY, type ChatDeliveryOptions } from '../../store/chat-delivery-store.js';
import { isLocale, type Locale, type Translator } from '../../i18n/translator.js';
import { languageButtons } from '../commands/language.js';

/** Prefix of settings buttons' callback data. */
export const SETTINGS_PREFIX = 'cfg:';
const TIMES = ['07:00', '08:00', '12:00', '18:00', '21:00'];

/** A settings change a button asks for. */
export type SettingsAction =
  | { kind: 'time'; value: string | null }
  | { kind: 'pause'; paused: boolean }
  | { kind: 'timezone-default' }
  | { kind: 'language'; locale: Locale }
  | { kind: 'card'; on: boolean }
  /** Digests to the topic the settings message is in ('here'), or to General. */
  | { kind: 'topic'; to: 'here' | 'general' };

/**
 * Where a settings message is: in a group with topics (a forum) or not, and in which topic
 * (`thread`; null: General or a chat without topics).
 */
export interface SettingsPlace {
  forum: boolean;
  thread: number | null;
}

/** A chat without topics. */
export const NO_TOPICS: SettingsPlace = { forum: false, thread: null };

/**
 * Buttons for the chat's current settings (the chosen time and language marked with ✓), labelled
 * in `tr`'s language. The picture card button turns it on or off; in a forum, a button sends the
 * digests to the topic this message is in (or back to General) when they go elsewhere now.
 * @example settingsKeyboard(subscriber, chatTr(ctx), await store.getDeliveryOptions(chatId), { forum: true, thread: 12 })
 */
export function settingsKeyboard(
  subscriber: Subscriber | null,
  tr: Translator,
  delivery: ChatDeliveryOptions = DEFAULT_DELIVERY,
  place: SettingsPlace = NO_TOPICS,
): InlineKeyboardMarkup {
  if (!subscriber || !subscriber.active) return { inline_keyboard: [] };
  const { t } = tr;
  const mark = (hhmm: string) => (subscriber.digestTime === hhmm ? `✓ ${hhmm}` : hhmm);
  const delivering: InlineKeyboardButton[] = [
    delivery.pictureCard ? { text: t('button-card-off'), callback_data: 'cfg:c:0' } : { text: t('button-card-on'), callback_data: 'cfg:c:1' },
  ];
  if (place.forum && delivery.digestTopic !== place.thread) delivering.push({ text: t(place.thread === null ? 'button-topic-general' : 'button-topic-here'), callback_data: 'cfg:d:here' });
  if (place.forum && place.thread !== null && delivery.digestTopic !== null) delivering.push({ text: t('button-topic-general'), callback_data: 'cfg:d:gen' });
  return {
    inline_keyboard: [
      TIMES.map((hhmm) => ({ text: mark(hhmm), callback_data: `cfg:t:${hhmm.replace(':', '')}` })),
      [
        { text: subscriber.digestTime === null ? `✓ ${t('button-default-time')}` : t('button-default-time'), callback_data: 'cfg:t:def' },
        subscriber.paused ? { text: t('button-resume'), callback_data: 'cfg:p:0' } : { text: t('button-pause'), callback_data: 'cfg:p:1' },
        { text: subscriber.timezone === null ? `✓ ${t('button-default-zone')}` : t('button-default-zone'), callback_data: 'cfg:z:def' },
      ],
      languageButtons(tr.locale, 'cfg:l:'),
      delivering,
    ],
  };
}

/**
 * The action of a settings button, or null when the data is not one.
 * @example parseSettingsButton('cfg:t:0730') // { kind: 'time', value: '07:30' }
 */
export function parseSettingsButton(data: string): SettingsAction | null {
  if (data === 'cfg:t:def') return { kind: 'time', value: null };
  if (data === 'cfg:p:1' || data === 'cfg:p:0') return { kind: 'pause', paused: data.endsWith('1') };
  if (data === 'cfg:z:def') return { kind: 'timezone-default' };
  if (data === 'cfg:c:1' || data === 'cfg:c:0') return { kind: 'card', on: data.endsWith('1') };
  if (data === 'cfg:d:here') return { kind: 'topic', to: 'here' };
  if (data === 'cfg:d:gen') return { kind: 'topic', to: 'general' };
  const language = /^cfg:l:([a-z]{2,3})$/.exec(data)?.[1];
  if (language !== undefined) return isLocale(language) ? { kind: 'language', locale: language } : null;
  const m = /^cfg:t:([01]\d|2[0-3])([0-5]\d)$/.exec(data);
  return m ? { kind: 'time', value: `${m[1]}:${m[2]}` } : null;
}
