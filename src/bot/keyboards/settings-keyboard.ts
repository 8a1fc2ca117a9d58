/** The /settings buttons: digest time presets, pause/resume, default time zone, language ("cfg:…" data). */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Subscriber } from '../../domain/types.js';
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
  | { kind: 'language'; locale: Locale };

/**
 * Buttons for the chat's current settings (the chosen time and language marked with ✓), labelled in `tr`'s language.
 * @example settingsKeyboard(subscriber, chatTr(ctx))
 */
export function settingsKeyboard(subscriber: Subscriber | null, tr: Translator): InlineKeyboardMarkup {
  if (!subscriber || !subscriber.active) return { inline_keyboard: [] };
  const { t } = tr;
  const mark = (hhmm: string) => (subscriber.digestTime === hhmm ? `✓ ${hhmm}` : hhmm);
  return {
    inline_keyboard: [
      TIMES.map((hhmm) => ({ text: mark(hhmm), callback_data: `cfg:t:${hhmm.replace(':', '')}` })),
      [
        { text: subscriber.digestTime === null ? `✓ ${t('button-default-time')}` : t('button-default-time'), callback_data: 'cfg:t:def' },
        subscriber.paused ? { text: t('button-resume'), callback_data: 'cfg:p:0' } : { text: t('button-pause'), callback_data: 'cfg:p:1' },
        { text: subscriber.timezone === null ? `✓ ${t('button-default-zone')}` : t('button-default-zone'), callback_data: 'cfg:z:def' },
      ],
      languageButtons(tr.locale, 'cfg:l:'),
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
  const language = /^cfg:l:([a-z]{2,3})$/.exec(data)?.[1];
  if (language !== undefined) return isLocale(language) ? { kind: 'language', locale: language } : null;
  const m = /^cfg:t:([01]\d|2[0-3])([0-5]\d)$/.exec(data);
  return m ? { kind: 'time', value: `${m[1]}:${m[2]}` } : null;
}
