/**
 * The card's layout as data: a tree of boxes with inline styles (the element shape satori reads),
 * built from the picked figures and the card's words. Pure; nothing is drawn here.
 *
 * Every box has a fixed size derived from the number of figures, and text is sized to its box:
 * numbers by their length, labels wrap and are clamped to the lines their box holds. So a long
 * label can make the card terser but can never push anything off the card.
 */
import type { CardFigure } from './pick-card-figures.js';

/** Card size in pixels: 4:5 portrait, the largest shape Telegram and phones show uncropped. */
export const CARD_WIDTH = 1080;
export const CARD_HEIGHT = 1350;

/** The card's background colour (also what a test counts as "blank"). */
export const CARD_BACKGROUND = '#0B1F33';

/** A box of the card: the `{ type, props }` element shape satori renders, without React. */
export interface CardNode {
  type: 'div';
  props: { style: Record<string, string | number>; children?: CardNode[] | string };
}

/** The card's own words, already in the reader's language. */
export interface CardText {
  /** Small line above the title, e.g. "KeyFigures". */
  brand: string;
  /** e.g. "The day in numbers". */
  title: string;
  /** The edition date as the reader writes it, e.g. "24 Nov 2026". */
  date: string;
  /** Bottom line, e.g. "5 stories · 23 figures". */
  footer: string;
  /** Shown instead of figures when the edition has none. */
  empty: string;
}

/** The font families the layout asks for, in fallback order (see card-fonts.ts). */
export type FontStack = string;

/** The picture palette, shared with the trend chart. */
export const INK = '#F5F7FA';
export const ACCENT = '#FFD166';
export const MUTED = '#93A4B8';
export const RULE = '#21405F';

const PAD_X = 64;
const PAD_TOP = 72;
const PAD_BOTTOM = 56;
const INNER_WIDTH = CARD_WIDTH - 2 * PAD_X;
const HEADER_HEIGHT = 156;
const FOOTER_HEIGHT = 58;
const BODY_HEIGHT = CARD_HEIGHT - PAD_TOP - PAD_BOTTOM - HEADER_HEIGHT - FOOTER_HEIGHT;
const COLUMN_GAP = 40;
const CELL_PAD_Y = 24;

/** A flex box (satori lays out only flex boxes) with the given style and children. */
export function box(style: Record<string, string | number>, children?: CardNode[] | string): CardNode {
  return { type: 'div', props: { style: { display: 'flex', ...style }, ...(children !== undefined ? { children } : {}) } };
}

/**
 * Rows of figures: up to three full-width rows, four as 2×2, five as one wide lead then 2×2,
 * six as 3×2. Rows share the height equally.
 */
export function cardRows<T>(figures: readonly T[]): T[][] {
  const n = figures.length;
  if (n <= 3) return figures.map((f) => [f]);
  const rows: T[][] = [];
  let i = 0;
  if (n % 2 === 1) rows.push([figures[i++] as T]);
  for (; i < n; i += 2) rows.push(figures.slice(i, i + 2));
  return rows;
}

/**
 * Width of `s` in em in the card's bold face, estimated per kind of character and rounded up,
 * so that a number sized with it fits its line. (satori measures only while laying out.)
 */
export function estimateEm(s: string): number {
  let em = 0;
  for (const ch of s) {
    if (/\s|[.,:;'’!|ıіїj()]/u.test(ch)) em += 0.32;
    else if (/[0-9]/.test(ch)) em += 0.66;
    else if (/[%@mwMWшщжюфЖШЩЮФ₴€£$]/u.test(ch)) em += 0.95;
    else if (/\p{Lu}/u.test(ch)) em += 0.76;
    else em += 0.62;
  }
  return em;
}

/** The sizes shared by a row's cells: one number band, one label height, so the row lines up. */
function rowMetrics(width: number, height: number) {
  const wide = width > INNER_WIDTH / 2;
  const content = height - 2 * CELL_PAD_Y;
  const numberMax = Math.min(160, Math.floor(content * 0.4));
  const numberBand = Math.ceil(numberMax * 1.1);
  const labelSize = wide ? 40 : 34;
  const sourceSize = wide ? 26 : 24;
  const labelLine = Math.ceil(labelSize * 1.25);
  const sourceHeight = Math.ceil(sourceSize * 1.3);
  const gaps = 8 + 10;
  const labelLines = Math.max(1, Math.min(4, Math.floor((content - numberBand - sourceHeight - gaps) / labelLine)));
  const used = numberBand + labelLines * labelLine + sourceHeight + gaps;
  return { width, height, numberMax, numberBand, labelSize, labelLine, labelLines, sourceSize, sourceHeight, slack: Math.max(0, content - used) };
}

type RowMetrics = ReturnType<typeof rowMetrics>;

function figureCell(figure: CardFigure, m: RowMetrics): CardNode {
  // As big as the band allows, unless the number is long: then smaller, and at worst on two lines.
  const fit = Math.floor(m.width / Math.max(1, estimateEm(figure.number)));
  const numberSize = Math.max(Math.floor(m.numberMax / 2.2), Math.min(m.numberMax, fit));
  const numberLines = Math.max(1, Math.floor(m.numberBand / Math.ceil(numberSize * 1.1)));
  const text = (lines: number, lineHeight: number) => ({
    display: 'block', width: m.width, overflow: 'hidden', lineClamp: lines, wordBreak: 'break-word',
  });
  return box({ flexDirection: 'column', width: m.width, height: m.height, paddingTop: CELL_PAD_Y + Math.floor(m.slack / 2), paddingBottom: CELL_PAD_Y, overflow: 'hidden' }, [
    // Numbers sit on the band's bottom, so the labels of a row start level whatever the number's size.
    box({ width: m.width, height: m.numberBand, alignItems: 'flex-end' }, [
      box({ ...text(numberLines, Math.ceil(numberSize * 1.1)), fontSize: numberSize, fontWeight: 800, lineHeight: 1.1, color: ACCENT, letterSpacing: -1 }, figure.number),
    ]),
    box({ ...text(m.labelLines, m.labelLine), marginTop: 8, fontSize: m.labelSize, fontWeight: 600, lineHeight: 1.25, color: INK }, figure.label),
    box({ ...text(1, m.sourceHeight), marginTop: 10, fontSize: m.sourceSize, fontWeight: 400, lineHeight: 1.3, color: MUTED }, figure.source),
  ]);
}

function figureRows(figures: readonly CardFigure[]): CardNode[] {
  const rows = cardRows(figures);
  // The body's two 2px rules take their share of its height (boxes are border-box).
  const height = Math.floor((BODY_HEIGHT - 4) / Math.max(1, rows.length));
  return rows.map((row, i) => {
    const width = row.length === 1 ? INNER_WIDTH : (INNER_WIDTH - COLUMN_GAP) / 2;
    return box(
      { flexDirection: 'row', justifyContent: 'space-between', width: INNER_WIDTH, height, ...(i > 0 ? { borderTop: `2px solid ${RULE}` } : {}) },
      row.map((f) => figureCell(f, rowMetrics(width, height - (i > 0 ? 2 : 0)))),
    );
  });
}

/**
 * The whole card: brand and date, title, the figures, and a footer line.
 * @example await satori(cardLayout(pickCardFigures(digest), text, 'Inter'), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts })
 */
export function cardLayout(figures: readonly CardFigure[], text: CardText, fontFamily: FontStack): CardNode {
  const header = box({ flexDirection: 'column', width: INNER_WIDTH, height: HEADER_HEIGHT }, [
    box({ flexDirection: 'row', justifyContent: 'space-between', width: INNER_WIDTH, fontSize: 28, lineHeight: 1.2, color: MUTED }, [
      box({ fontWeight: 800, letterSpacing: 3, color: ACCENT, textTransform: 'uppercase' }, text.brand),
      box({ fontWeight: 600 }, text.date),
    ]),
    box({ marginTop: 14, width: INNER_WIDTH, fontSize: 68, fontWeight: 800, lineHeight: 1.1, color: INK, overflow: 'hidden', lineClamp: 1 }, text.title),
  ]);
  const body = figures.length > 0
    ? box({ flexDirection: 'column', width: INNER_WIDTH, height: BODY_HEIGHT, borderTop: `2px solid ${RULE}`, borderBottom: `2px solid ${RULE}` }, figureRows(figures))
    : box({ width: INNER_WIDTH, height: BODY_HEIGHT, alignItems: 'center', justifyContent: 'center', fontSize: 44, fontWeight: 600, color: MUTED, textAlign: 'center' }, text.empty);
  const footer = box({ width: INNER_WIDTH, height: FOOTER_HEIGHT, alignItems: 'flex-end', fontSize: 26, lineHeight: 1.3, color: MUTED, overflow: 'hidden' }, text.footer);
  return box(
    {
      flexDirection: 'column', width: CARD_WIDTH, height: CARD_HEIGHT, paddingTop: PAD_TOP, paddingBottom: PAD_BOTTOM,
      paddingLeft: PAD_X, paddingRight: PAD_X, backgroundColor: CARD_BACKGROUND, fontFamily,
    },
    [header, body, footer],
  );
}
