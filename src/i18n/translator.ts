/**
 * The reader's language: Fluent message files (locales/*.ftl) turned into a translator per locale,
 * with Intl formatting of dates and numbers. Message files are read once, on first use.
 *
 * Fluent rather than string maps: each language states its own grammar (Ukrainian plurals have
 * one/few/many/other, chosen by Intl.PluralRules) without the code knowing about it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { negotiateLanguages } from '@fluent/langneg';

/** The languages KeyFigures speaks; the first is the fallback for everything else. */
export const LOCALES = ['en', 'uk'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];
/** What an unknown or absent language falls back to. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Where the message files live: `locales/<locale>.ftl` beside this module. */
export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** Arguments of a message: raw text or numbers (numbers are formatted and pick plural forms). */
export type MessageArgs = Record<string, FluentVariable>;

/** Messages and Intl formatting in one language. */
export interface Translator {
  readonly locale: Locale;
  /**
   * The message `id` with `args`, as plain text; falls back to English, then to the id itself.
   * @example tr.t('stories-count', { count: 5 }) // uk: '5 історій'
   */
  t(id: string, args?: MessageArgs): string;
  /**
   * A number as the reader writes it.
   * @example translator('uk').number(12345.5) // '12 345,5'
   */
  number(n: number): string;
}

const bundles = new Map<Locale, FluentBundle>();

/** The parsed message file of `locale` (read once). */
function bundle(locale: Locale): FluentBundle {
  let b = bundles.get(locale);
  if (!b) {
    // No bidi isolation marks around arguments: our languages are all left-to-right, and the marks
    // would travel into Telegram messages and the archive as invisible characters.
    b = new FluentBundle(locale, { useIsolating: false });
    b.addResource(new FluentResource(fs.readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), 'utf8')));
    bundles.set(locale, b);
  }
  return b;
}

function format(locale: Locale, id: string, args: MessageArgs | undefined): string | null {
  const b = bundle(locale);
  const message = b.getMessage(id);
  if (!message?.value) return null;
  return b.formatPattern(message.value, args ?? null, []);
}

/**
 * The best of our languages for a Telegram `language_code` ("uk", "uk-UA", "en-GB"); English otherwise.
 * @example negotiateLocale('uk-UA') // 'uk'
 */
export function negotiateLocale(requested: string | null | undefined): Locale {
  if (!requested) return DEFAULT_LOCALE;
  const [best] = negotiateLanguages([requested], [...LOCALES], { strategy: 'lookup', defaultLocale: DEFAULT_LOCALE });
  return (LOCALES as readonly string[]).includes(best ?? '') ? (best as Locale) : DEFAULT_LOCALE;
}

/** Whether `s` names one of our languages exactly ("en", "uk"). */
export function isLocale(s: string | null | undefined): s is Locale {
  return (LOCALES as readonly string[]).includes(s ?? '');
}

const translators = new Map<Locale, Translator>();

/**
 * The translator for a language (anything `negotiateLocale` understands; English by default).
 * @example translator('uk').t('figures-count', { count: 22 }) // '22 числа'
 */
export function translator(language?: string | null): Translator {
  const locale = isLocale(language) ? language : negotiateLocale(language);
  let tr = translators.get(locale);
  if (!tr) {
    const numbers = new Intl.NumberFormat(locale);
    tr = {
      locale,
      t: (id, args) => format(locale, id, args) ?? (locale === DEFAULT_LOCALE ? null : format(DEFAULT_LOCALE, id, args)) ?? id,
      number: (n) => numbers.format(n),
    };
    translators.set(locale, tr);
  }
  return tr;
}
