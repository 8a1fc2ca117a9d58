/**
 * Digests and stories as Telegram HTML messages. Every line is built from segments of raw text
 * that are escaped at the last moment, so splitting and truncating work on text, never on markup:
 * no part can end inside a tag or an entity, and each part is balanced on its own.
 */
import type { Digest, Story } from '../domain/types.js';
import { escapeHtml, escapeHtmlAttr, escapedPrefix, safeHttpUrl } from './escape-html.js';
import { packBlocks } from './pack-messages.js';
import {
  conflictText, countsText, figureDisplayText, figureLabel, formatDigestDate, inlineText, oneLine, sourceLine, sourcesText,
} from './format-figure.js';
import { translator, type Translator } from '../i18n/translator.js';
import { markedSentences, type MarkedSentence } from '../figures/marked-sentences.js';

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
export function renderTelegram(digest: Pick<Digest, 'date' | 'timezone' | 'stories'>, opts: RenderTelegramOptions = {}): string[] {
  const max = checkMax(opts.maxLength);
  const tr = translator(opts.locale);
  const title = oneLine(opts.heading ?? '') || tr.t('digest-heading', { date: formatDigestDate(digest.date, tr.locale) });
  if (digest.stories.length === 0) return pack([[[{ text: title, style: 'b' }], [{ text: tr.t('digest-empty') }]]], max);
  const heading: Block = [[{ text: title, style: 'b' }], [{ text: countsText(digest.stories, tr) }]];
  return pack([heading, ...digest.stories.map((s) => storyBlock(s, digest.timezone, tr))], max);
}

/**
 * One story in full for `/story N`: summary, then each sentence that states a figure, once, with
 * all its figures in bold, then every source that reported the story (linked). Pass `sentences`
 * built from every figure of the article (see `articleFigures`, `markedSentences`); without them
 * the story's own figures are marked. Long stories are split between sentences.
 * @example renderStoryTelegram(story, { timezone: 'Europe/Kyiv', sentences: markedSentences(ranked, article.text) })
 */
export function renderStoryTelegram(story: Story, opts: RenderTelegramOptions & { sentences?: readonly MarkedSentence[] } = {}): string[] {
  const max = checkMax(opts.maxLength);
  const tr = translator(opts.locale);
  const summary = oneLine(story.summary);
  const head: Block = [titleLine(story, tr), [{ text: sourceLine(story, opts.timezone, tr), style: 'i' }], ...conflictLines(story, tr)];
  const sentences = (opts.sentences ?? markedSentences(story.figures)).map((s): Block => [sentenceLine(s)]);
  return pack([head, ...(summary ? [[[{ text: summary }]]] : []), ...sentences, storySourcesBlock(story, tr)], max);
}

/** "• Revenue rose **12%** to **$4.5bn**." — the sentence on one line, its figures in bold. */
function sentenceLine(sentence: MarkedSentence): Line {
  const line: Line = [{ text: '• ' }];
  let at = 0;
  for (const mark of sentence.marks) {
    if (mark.start > at) line.push({ text: sentence.text.slice(at, mark.start) });
    line.push({ text: sentence.text.slice(mark.start, mark.end), style: 'b' });
    at = mark.end;
  }
  if (at < sentence.text.length) line.push({ text: sentence.text.slice(at) });
  for (const figure of sentence.unplaced) line.push({ text: ' (' }, { text: oneLine(figure), style: 'b' }, { text: ')' });
  // Feed text made one clean line piece by piece (offsets are into the raw sentence).
  const clean = line.map((seg) => ({ ...seg, text: inlineText(seg.text) }));
  const last = clean.at(-1)!;
  last.text = last.text.trimEnd();
  if (clean[1]) clean[1].text = clean[1].text.trimStart();
  return clean.filter((seg, i) => i === 0 || seg.text !== '');
}

/** The story's link, or every source that reported it, each linked ("Sources (2):" then a line each). */
function storySourcesBlock(story: Story, tr: Translator): Block {
  const sources = story.sources ?? [];
  if (sources.length < 2) {
    const link = linkSegments(story, tr);
    return link.length > 0 ? [link] : [];
  }
  const lines = sources.map((source): Line => {
    const name = oneLine(source.source) || tr.t('source-unknown');
    const href = safeHttpUrl(source.link);
    if (href) return [{ text: '• ' }, { text: name, href }];
    const raw = oneLine(source.link ?? '');
    return [{ text: `• ${name}` }, ...(raw ? [{ text: ` · ${raw}` }] : [])];
  });
  return [[{ text: tr.t('story-sources', { count: sources.length }), style: 'i' }], ...lines];
}
