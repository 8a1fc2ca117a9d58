/** The /settings buttons: digest time presets, pause/resume, default time zone ("cfg:…" data). */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Subscriber } from '../../domain/types.js';

/** Prefix of settings buttons' callback data. */
export const SETTINGS_PREFIX = 'cfg:';
const TIMES = ['07:00', '08:00', '12:00', '18:00', '21:00'];

/** A settings change a button asks for. */
export type SettingsAction = { kind: 'time'; value: string | null } | { kind: 'pause'; paused: boolean } | { kind: 'timezone-default' };

/**
 * Buttons for the chat's current settings (the chosen time marked with ✓).
 * @example settingsKeyboard(subscriber)
 */
export function settingsKeyboard(subscriber: Subscriber | null): InlineKeyboardMarkup {
  if (!subscriber || !subscriber.active) return { inline_keyboard: [] };
  const mark = (t: string) => (subscriber.digestTime === t ? `✓ ${t}` : t);
  return {
    inline_keyboard: [
      TIMES.map((t) => ({ text: mark(t), callback_data: `cfg:t:${t.replace(':', '')}` })),
      [
        { text: subscriber.digestTime === null ? '✓ Default time' : 'Default time', callback_data: 'cfg:t:def' },
        subscriber.paused ? { text: '▶ Resume', callback_data: 'cfg:p:0' } : { text: '⏸ Pause', callback_data: 'cfg:p:1' },
        { text: subscriber.timezone === null ? '✓ Default zone' : 'Default zone', callback_data: 'cfg:z:def' },
      ],
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
  const m = /^cfg:t:([01]\d|2[0-3])([0-5]\d)$/.exec(data);
  return m ? { kind: 'time', value: `${m[1]}:${m[2]}` } : null;
}
