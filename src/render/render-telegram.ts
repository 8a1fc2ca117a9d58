/**
 * Digests and stories as Telegram HTML messages. Every line is built from segments of raw text
 * that are escaped at the last moment, so splitting and truncating work on text, never on markup:
 * no part can end inside a tag or an entity, and each part is balanced on its own.
 */
import type { Digest, Story } from '../domain/types.js';
import { escapeHtml, escapeHtmlAttr, escapedPrefix, safeHttpUrl } from './escape-html.js';
import { packBlocks } from './pack-messages.js';
import {
  conflictText, countsText, figureDisplayText, figureLabel, formatDigestDate, oneLine, sourceLine, sourcesText,
} from './format-figure.js';
import { translator, type Translator } from '../i18n/translator.js';

/** Options of {@link renderTelegram} and {@link renderStoryTelegram}. */
export interface RenderTelegramOptions {
  /** Longest message in UTF-16 code units (default 4096, Telegram's limit; at least 16). */
  maxLength?: number;
  /** First heading line, replacing "KeyFigures · 24 Nov 2026" (digest only). */
  heading?: string;
  /** Timezone for story dates (story view only; a digest uses its own). */
  timezone?: string;
  /** The reader's language ("en", "uk", or a Telegram language_code); English by default. */
  locale?: string;
}

/** A run of raw text, optionally bold, italic or a link. */
interface Segment {
  text: string;
  style?: 'b' | 'i';
  href?: string;
}
type Line = Segment[];
/** Lines that belong together (a story, a figure with its sentence); split only when too long. */
type Block = Line[];

const ELLIPSIS = '…';

function wrap(seg: Segment, inner: string): string {
  if (seg.href !== undefined) return `<a href="${escapeHtmlAttr(seg.href)}">${inner}</a>`;
  return seg.style ? `<${seg.style}>${inner}</${seg.style}>` : inner;
}

function renderLine(line: Line): string {
  return line.map((seg) => wrap(seg, escapeHtml(seg.text))).join('');
}


/** The line cut to `max` units with "…": segments are dropped or shortened, never their markup. */
function fitLine(line: Line, max: number): string {
  const whole = renderLine(line);
  if (whole.length <= max) return whole;
  let out = '';
  for (const seg of line) {
    const full = wrap(seg, escapeHtml(seg.text));
    if (out.length + full.length + ELLIPSIS.length <= max) {
      out += full;
      continue;
    }
    const overhead = wrap(seg, '').length;
    const budget = max - out.length - overhead - ELLIPSIS.length;
    // A link whose URL alone overflows is dropped: half a URL would point somewhere else.
    if (budget > 0 && seg.href === undefined) {
      const prefix = escapedPrefix(seg.text, budget);
      if (prefix) return out + wrap(seg, prefix.trimEnd() + ELLIPSIS);
    }
    break;
  }
  return out + ELLIPSIS;
}

/**
 * Blocks packed into messages of at most `max` units: blocks are kept whole when they fit,
 * a block longer than a message is split at its lines (opening a fresh message so its title
 * leads), a line longer than a message is truncated.
 */
function pack(blocks: readonly Block[], max: number): string[] {
  return packBlocks(
    blocks.map((block) => {
      const lines = block.map(renderLine);
      return lines.join('\n').length <= max ? lines : block.map((line) => fitLine(line, max));
    }),
    max,
    { oversizedStartsMessage: true },
  );
}

function checkMax(maxLength: number | undefined): number {
  const max = maxLength ?? 4096;
  if (!Number.isInteger(max) || max < 16) throw new RangeError(`renderTelegram: maxLength must be an integer ≥ 16, got ${max}`);
  return max;
}

function titleLine(story: Story, tr: Translator): Line {
  return [{ text: `${story.number}. ${oneLine(story.title) || tr.t('story-untitled')}`, style: 'b' }];
}

/** "source" as a link when the article link is http(s); any other link is shown as plain text. */
function linkSegments(story: Story, tr: Translator): Line {
  const href = safeHttpUrl(story.link);
  if (href) return [{ text: tr.t('story-link'), href }];
  const raw = oneLine(story.link ?? '');
  return raw ? [{ text: raw }] : [];
}

function figureLine(figure: Story['figures'][number]): Line {
  const label = figureLabel(figure);
  return [{ text: '• ' }, { text: figureDisplayText(figure), style: 'b' }, ...(label ? [{ text: ` ${label}` }] : [])];
}

function storyBlock(story: Story, timezone: string, tr: Translator): Block {
  const link = linkSegments(story, tr);
  const footer: Line = link.length > 0 ? [...link, { text: ` · /story_${story.number}` }] : [{ text: `/story_${story.number}` }];
  return [titleLine(story, tr), ...sourceLines(story, timezone, tr), ...story.figures.map(figureLine), ...conflictLines(story, tr), footer];
}

/** The source and date, then "reported by N sources: …" when several feeds carried the story. */
function sourceLines(story: Story, timezone: string | undefined, tr: Translator): Line[] {
  const many = sourcesText(story, tr);
  return [[{ text: sourceLine(story, timezone, tr), style: 'i' }], ...(many ? [[{ text: many, style: 'i' as const }]] : [])];
}

/** "⚠ 303 vs 300 prisoners freed (A vs B)": figures the sources state differently. */
function conflictLines(story: Story, tr: Translator): Line[] {
  return (story.conflicts ?? []).map((c) => [{ text: '⚠ ' }, { text: conflictText(c, tr) }]);
}

/**
 * The digest as Telegram HTML messages, each at most `maxLength` UTF-16 units, split between
 * stories; the first opens with the heading and the story and figure counts.
 * @example await Promise.all(renderTelegram(digest).map((html) => telegram.sendMessage(chatId, html, { parse_mode: 'HTML' })))
 */
export function renderTelegram(digest: Digest, opts: RenderTelegramOptions = {}): string[] {
  const max = checkMax(opts.maxLength);
  const tr = translator(opts.locale);
  const title = oneLine(opts.heading ?? '') || tr.t('digest-heading', { date: formatDigestDate(digest.date, tr.locale) });
  if (digest.stories.length === 0) return pack([[[{ text: title, style: 'b' }], [{ text: tr.t('digest-empty') }]]], max);
  const heading: Block = [[{ text: title, style: 'b' }], [{ text: countsText(digest.stories, tr) }]];
  return pack([heading, ...digest.stories.map((s) => storyBlock(s, digest.timezone, tr))], max);
}

/**
 * One story in full for `/story N`: summary, then every figure followed by its source sentence in
 * italics, then the link. Pass a story carrying all the article's figures (see `storyFromArticle`).
 * @example renderStoryTelegram(storyFromArticle(article, 3), { timezone: 'Europe/Kyiv' })
 */
export function renderStoryTelegram(story: Story, opts: RenderTelegramOptions = {}): string[] {
  const max = checkMax(opts.maxLength);
  const tr = translator(opts.locale);
  const summary = oneLine(story.summary);
  const head: Block = [titleLine(story, tr), ...sourceLines(story, opts.timezone, tr), ...conflictLines(story, tr)];
  const figures: Block[] = story.figures.map((f) => {
    const sentence = oneLine(f.sentence);
    return sentence ? [figureLine(f), [{ text: sentence, style: 'i' }]] : [figureLine(f)];
  });
  const link = linkSegments(story, tr);
  return pack([head, ...(summary ? [[[{ text: summary }]]] : []), ...figures, ...(link.length > 0 ? [[link]] : [])], max);
}
