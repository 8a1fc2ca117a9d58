/**
 * Text shared by the Telegram and Markdown renderers: dates, counts and the words of a figure line,
 * in the reader's language (messages from src/i18n). Everything returned here is raw text; each
 * renderer escapes it for its own format.
 */
import type { Figure, FigureConflict, Story } from '../domain/types.js';
import { DEFAULT_LOCALE, translator, type Locale, type Translator } from '../i18n/translator.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Feed text as one clean line: whitespace runs collapsed, control characters dropped and lone
 * surrogates replaced, so a title can neither break our layout nor produce invalid UTF-8.
 * @example oneLine(' Kursk\n offensive\u0000 ') // 'Kursk offensive'
 */
export function oneLine(s: string): string {
  return inlineText(s).trim();
}

/**
 * {@link oneLine} without the trim: for a piece of a line (the text between two bold figures
 * keeps its spaces).
 * @example inlineText(' rose\n') // ' rose '
 */
export function inlineText(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * An edition date (YYYY-MM-DD) as the reader writes it: "24 Nov 2026", "24 листопада 2026 р.";
 * anything else is returned unchanged.
 * @example formatDigestDate('2026-11-24', 'uk') // '24 листопада 2026 р.'
 */
export function formatDigestDate(date: string, locale: Locale = DEFAULT_LOCALE): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Not a calendar day (2026-13-01, 2026-02-30): shown as given rather than rolled over.
  if (day.toISOString().slice(0, 10) !== date) return date;
  return formatDay(day, 'UTC', locale) ?? date;
}

/**
 * A time as a calendar day in `timezone` ("26 May 2025"); null when absent or an invalid Date.
 * An unknown timezone falls back to UTC rather than failing a whole digest.
 * @example formatDate(new Date('2025-05-25T22:30:00Z'), 'Europe/Kyiv') // '26 May 2025'
 */
export function formatDate(at: Date | null, timezone = 'UTC', locale: Locale = DEFAULT_LOCALE, opts: { year?: boolean } = {}): string | null {
  if (!at || Number.isNaN(at.getTime())) return null;
  const year = opts.year ?? true;
  return formatDay(at, timezone, locale, year) ?? formatDay(at, 'UTC', locale, year);
}

/** The calendar day of `d` in `timezone`, per locale with Intl (without the year when `year` is false); null for an unknown time zone. */
function formatDay(d: Date, timezone: string, locale: Locale, year = true): string | null {
  try {
    if (locale !== 'en') return new Intl.DateTimeFormat(locale, { timeZone: timezone, day: 'numeric', month: 'long', ...(year ? { year: 'numeric' as const } : {}) }).format(d);
    // English keeps its own month names: ICU's short months vary by version ("Sep" vs "Sept").
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const day = `${Number(get('day'))} ${MONTHS[Number(get('month')) - 1] ?? ''}`;
    return year ? `${day} ${get('year')}` : day;
  } catch {
    return null;
  }
}

/**
 * "5 stories · 25 figures" in the reader's language, plural forms and number format included.
 * @example countsText(digest.stories, translator('uk')) // '5 історій · 25 чисел'
 */
export function countsText(stories: readonly Story[], tr: Translator, id = 'digest-counts'): string {
  return tr.t(id, {
    stories: tr.t('stories-count', { count: stories.length }),
    figures: tr.t('figures-count', { count: countFigures(stories) }),
  });
}

/** How many figures the stories carry, in total. */
export function countFigures(stories: readonly Story[]): number {
  return stories.reduce((n, s) => n + s.figures.length, 0);
}

/** "Source · 26 May 2025", or just the source when the date is unknown. */
export function sourceLine(story: Pick<Story, 'source' | 'publishedAt'>, timezone?: string, tr: Translator = translator()): string {
  const date = formatDate(story.publishedAt, timezone, tr.locale);
  const source = oneLine(story.source) || tr.t('source-unknown');
  return date ? tr.t('source-dated', { source, date }) : source;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const NUMBER_WORD = `(?:${[...Object.keys(UNITS), 'hundred', ...Object.keys(SCALES)].join('|')})`;
const NUMBER_RUN = new RegExp(`\\b${NUMBER_WORD}(?:(?:[\\s-]+|\\s+and\\s+)${NUMBER_WORD})*\\b`, 'i');

/** "twenty-five" → 25, "two million" → 2e6; null for malformed runs like "hundred hundred". */
function parseNumberWords(run: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of run.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    const unit = UNITS[word];
    const scale = SCALES[word];
    if (unit !== undefined) current += unit;
    else if (word === 'hundred') current = (current || 0) * 100;
    else if (scale !== undefined && current > 0) (total += current * scale), (current = 0);
    else return null;
    seen = true;
  }
  const value = total + current;
  return seen && value > 0 ? value : null;
}

/**
 * The figure's bold part: its source text, with number words shown as digits ("three years" →
 * "3 years") only when the words themselves parse to `figure.value` — so every digit shown is
 * derivable from the source. The approximation qualifier stays, being part of the text.
 * @example figureDisplayText({ text: 'almost three years', value: 3, ... }) // 'almost 3 years'
 */
export function figureDisplayText(figure: Pick<Figure, 'text' | 'value' | 'approx'>): string {
  let text = oneLine(figure.text);
  // The invariant says the qualifier is inside `text`; if an extractor kept it apart, don't lose it.
  const approx = figure.approx ? oneLine(figure.approx) : '';
  if (approx && !text.toLowerCase().includes(approx.toLowerCase())) text = `${approx} ${text}`;
  if (/\d/.test(text)) return text;
  const m = NUMBER_RUN.exec(text);
  if (!m) return text;
  const parsed = parseNumberWords(m[0]);
  if (parsed === null || parsed !== figure.value) return text;
  const lastWord = m[0].toLowerCase().split(/[\s-]+/).pop() ?? '';
  const scale = SCALES[lastWord];
  // "two million" reads better as "2 million" than "2,000,000".
  const digits = scale !== undefined && scale >= 1e6 && Number.isInteger(parsed / scale) && parsed / scale < 1000
    ? `${parsed / scale} ${lastWord}`
    : parsed.toLocaleString('en-US');
  return text.slice(0, m.index) + digits + text.slice(m.index + m[0].length);
}

/** The words after the bold number, from the figure's label, then its change when series found one ("— was 2.8% in October"). */
export function figureLabel(figure: Pick<Figure, 'label' | 'change'>): string {
  const label = oneLine(figure.label);
  return figure.change ? `${label} — ${oneLine(figure.change)}` : label;
}

/**
 * "reported by 3 sources: Kyiv Independent, Reuters, AP" for a story several feeds carried; '' otherwise.
 * @example sourcesText({ sources: [{ source: 'A', … }, { source: 'B', … }] }) // 'reported by 2 sources: A, B'
 */
export function sourcesText(story: Pick<Story, 'sources'>, tr: Translator = translator()): string {
  const names = (story.sources ?? []).map((s) => oneLine(s.source) || tr.t('source-unknown'));
  return names.length < 2 ? '' : tr.t('sources-reported', { count: names.length, names: names.join(', ') });
}

/**
 * A figure the sources disagree on: "303 vs 300 prisoners of war brought home (Kyiv Independent vs Reuters)".
 * @example conflictText({ label: 'prisoners freed', values: [{ text: '303', source: 'A', articleId: 1 }, { text: '300', source: 'B', articleId: 2 }] })
 */
export function conflictText(conflict: FigureConflict, tr: Translator = translator()): string {
  const vs = tr.t('conflict-separator');
  const values = conflict.values.map((v) => oneLine(v.text)).join(vs);
  const sources = conflict.values.map((v) => oneLine(v.source)).join(vs);
  const label = oneLine(conflict.label);
  return `${values}${label ? ` ${label}` : ''} (${sources})`;
}
