/**
 * Small Telegram-HTML builder for command replies: lines are made of raw text segments escaped at
 * the last moment and cut to a budget on whole characters, so no reply can carry unescaped feed
 * text, an unbalanced tag or a half entity; blocks are packed into messages of ≤ 4,096 units.
 */
import { escapeHtml, escapeHtmlAttr, escapedPrefix, safeHttpUrl } from '../render/escape-html.js';
import { oneLine } from '../render/format-figure.js';
import { packBlocks as packLines } from '../render/pack-messages.js';

/** A run of raw text, optionally styled or linked. */
export interface Seg {
  text: string;
  style?: 'b' | 'i' | 'code';
  href?: string | null;
}

/** Telegram's message limit in UTF-16 units (we count the HTML source, which is never shorter than the text). */
export const MAX_MESSAGE = 4096;
/** Default budget of one line, so four lines of a block always fit a message. */
export const MAX_LINE = 1000;

/**
 * One line of HTML from raw segments, at most `max` units: text is made one line, escaped and cut
 * with "…" on a whole character; a link whose URL does not fit is shown as plain text.
 * @example htmlLine([{ text: '971', style: 'b' }, ' soldiers <captured>']) // '<b>971</b> soldiers &lt;captured&gt;'
 */
export function htmlLine(segments: ReadonlyArray<Seg | string>, max = MAX_LINE): string {
  let out = '';
  for (const raw of segments) {
    const seg: Seg = typeof raw === 'string' ? { text: raw } : raw;
    const text = keepEdgeSpaces(seg.text);
    if (text === '') continue;
    const href = seg.href ? safeHttpUrl(seg.href) : null;
    const open = href && href.length < 1000 ? `<a href="${escapeHtmlAttr(href)}">` : seg.style ? `<${seg.style}>` : '';
    const close = open.startsWith('<a') ? '</a>' : seg.style && open ? `</${seg.style}>` : '';
    const budget = max - out.length - open.length - close.length;
    const body = escapedPrefix(text, budget);
    if (body.length < escapeHtml(text).length) {
      const cut = escapedPrefix(text, budget - 1);
      if (cut) out += open + cut + '…' + close;
      else if (out.length < max) out += '…';
      return out;
    }
    out += open + body + close;
  }
  return out;
}

/** Whitespace collapsed like oneLine, but a single leading/trailing space kept (segments join with them). */
function keepEdgeSpaces(s: string): string {
  const core = oneLine(s);
  if (core === '') return s === '' ? '' : ' ';
  return (/^\s/.test(s) ? ' ' : '') + core + (/\s$/.test(s) ? ' ' : '');
}


/**
 * Blocks of lines packed into messages of at most `max` units (see render/pack-messages).
 * @example packBlocks([[htmlLine(['a'])], [htmlLine(['b'])]]) // ['a\n\nb']
 */
export function packBlocks(blocks: ReadonlyArray<readonly string[]>, max = MAX_MESSAGE): string[] {
  return packLines(blocks, max);
}

/**
 * Raw text cut to `max` code points with "…" (for plain-text replies and button labels).
 * @example clip('Kursk offensive', 5) // 'Kurs…'
 */
export function clip(s: string, max: number): string {
  const chars = [...oneLine(s)];
  return chars.length <= max ? chars.join('') : chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}
