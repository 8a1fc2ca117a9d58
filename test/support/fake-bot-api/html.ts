/**
 * Telegram's HTML parse_mode, reimplemented from the behaviour of tdlib's parse_html
 * (td/telegram/MessageEntity.cpp) so the fake accepts and rejects exactly what the
 * real Bot API does, with the same messages and UTF-8 byte offsets.
 *
 * Notable real-Telegram quirks kept on purpose:
 *  - an unknown named entity (`&foo;`, `&laquo;`) is NOT an error, it stays literal text;
 *  - `&lt` without `;` is still decoded;
 *  - a bare `<` followed by a space is an "Unsupported start tag """;
 *  - `</>` closes whatever tag is open; `<a>` without href links its own text if it is a URL.
 * `strictEntities` adds one non-Telegram check (unknown `&name;` rejected) for tests that
 * want to catch missing escaping early.
 */

/** A Bot API MessageEntity produced by parsing. */
export interface ParsedEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: { id: number; is_bot: false; first_name: string };
}

/** Outcome of parsing: plain text + entities, or Telegram's parser message. */
export type ParseResult = { ok: true; text: string; entities: ParsedEntity[] } | { ok: false; reason: string };

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

const SIMPLE_TYPES: Record<string, string> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler',
};

const LT = 0x3c, GT = 0x3e, AMP = 0x26, SLASH = 0x2f, EQ = 0x3d, SEMI = 0x3b, HASH = 0x23;
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0; // td::is_space counts NUL
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const NAMED: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };

/** Decodes `&...;` at `pos`; returns the code point and the index after it, or null if not an entity. */
function decodeEntity(b: Buffer, pos: number): { code: number; end: number } | null {
  const at = (i: number): number => b[i] ?? 0;
  let end = pos + 1;
  let code = 0;
  if (at(end) === HASH) {
    end++;
    if (at(end) === 0x78 /* x, lowercase only like tdlib */) {
      end++;
      while (isHex(at(end))) code = code * 16 + parseInt(String.fromCharCode(at(end++)), 16);
    } else {
      while (isDigit(at(end))) code = code * 10 + (at(end++) - 0x30);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (isAlpha(at(end))) end++;
    const named = NAMED[b.toString('latin1', pos + 1, end)];
    if (named === undefined) return null;
    code = named;
  }
  if (at(end) === SEMI) end++;
  return { code, end };
}

/** Bot API normalisation of a link target; undefined drops the entity (tdlib does so silently). */
function checkedLink(url: string): string | undefined {
  if (/\s/.test(url) || url === '') return undefined;
  const full = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
  try {
    const u = new URL(full);
    if (!['http:', 'https:', 'tg:', 'ton:'].includes(u.protocol)) return undefined;
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname.includes('.')) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

interface Open { tag: string; arg: string; offset: number; bytePos: number }

/** Parses Telegram HTML; offsets in errors are UTF-8 byte offsets, entity offsets are UTF-16. */
export function parseHtml(html: string, opts: { strictEntities?: boolean } = {}): ParseResult {
  const b = Buffer.from(html, 'utf8');
  const at = (i: number): number => b[i] ?? 0;
  const lower = (from: number, to: number): string => b.toString('utf8', from, to).toLowerCase();
  const out: number[] = [];
  const entities: ParsedEntity[] = [];
  const open: Open[] = [];
  let utf16 = 0;
  let sawSurrogate = false;
  const fail = (reason: string): ParseResult => ({ ok: false, reason });

  for (let i = 0; i < b.length; i++) {
    const c = at(i);
    if (c === AMP) {
      const dec = decodeEntity(b, i);
      if (dec) {
        utf16 += dec.code > 0xffff ? 2 : 1;
        if (dec.code >= 0xd800 && dec.code <= 0xdfff) sawSurrogate = true;
        out.push(...Buffer.from(String.fromCodePoint(dec.code), 'utf8'));
        i = dec.end - 1;
        continue;
      }
      if (opts.strictEntities) {
        const m = /^&[A-Za-z][A-Za-z0-9]*;/.exec(b.toString('latin1', i, i + 40));
        if (m) return fail(`Unsupported HTML entity "${m[0]}" at byte offset ${i} (fake-only strict check)`);
      }
    }
    if (c !== LT) {
      if ((c & 0xc0) !== 0x80) utf16 += c >= 0xf0 ? 2 : 1; // first byte of a UTF-8 sequence
      out.push(c);
      continue;
    }

    const begin = i++;
    if (at(i) !== SLASH) {
      while (!isSpace(at(i)) && at(i) !== GT) i++;
      if (i >= b.length) return fail(`Unclosed start tag at byte offset ${begin}`);
      const tag = lower(begin + 1, i);
      if (!SUPPORTED_TAGS.has(tag)) return fail(`Unsupported start tag "${tag}" at byte offset ${begin}`);
      let arg = '';
      while (at(i) !== GT) {
        while (i < b.length && isSpace(at(i))) i++;
        if (at(i) === GT) break;
        const nameBegin = i;
        while (!isSpace(at(i)) && at(i) !== EQ && at(i) !== GT) i++;
        const name = b.toString('utf8', nameBegin, i);
        if (name === '') return fail(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`);
        while (i < b.length && isSpace(at(i))) i++;
        if (at(i) !== EQ) {
          // Bot API 7.4 flag attribute: <blockquote expandable>
          if (tag === 'blockquote' && name.toLowerCase() === 'expandable') {
            arg = 'expandable';
            continue;
          }
          return fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${begin}`);
        }
        i++;
        while (i < b.length && isSpace(at(i))) i++;
        if (i >= b.length) return fail(`Unclosed start tag "${tag}" at byte offset ${begin}`);
        let value: string;
        const q = at(i);
        if (q !== 0x22 && q !== 0x27) {
          const tokenBegin = i;
          while (/[A-Za-z0-9.-]/.test(String.fromCharCode(at(i))) && i < b.length) i++;
          value = lower(tokenBegin, i);
          if (!isSpace(at(i)) && at(i) !== GT) return fail(`Unexpected end of name token at byte offset ${tokenBegin}`);
        } else {
          i++;
          const bytes: number[] = [];
          while (i < b.length && at(i) !== q) {
            const dec = at(i) === AMP ? decodeEntity(b, i) : null;
            if (dec) {
              bytes.push(...Buffer.from(String.fromCodePoint(dec.code), 'utf8'));
              i = dec.end;
            } else bytes.push(at(i++));
          }
          if (at(i) === q) i++;
          value = Buffer.from(bytes).toString('utf8');
        }
        if (i >= b.length) return fail(`Unclosed start tag at byte offset ${begin}`);
        const attr = name.toLowerCase();
        if (tag === 'a' && attr === 'href') arg = value;
        else if (tag === 'code' && attr === 'class' && value.startsWith('language-')) arg = value.slice(9);
        else if (tag === 'span' && attr === 'class' && value.startsWith('tg-')) arg = value.slice(3);
        else if (tag === 'tg-emoji' && attr === 'emoji-id') arg = value;
      }
      if (tag === 'span' && arg !== 'spoiler') {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`);
      }
      open.push({ tag, arg, offset: utf16, bytePos: out.length });
      continue;
    }

    // end tag
    const top = open[open.length - 1];
    if (!top) return fail(`Unexpected end tag at byte offset ${begin}`);
    while (!isSpace(at(i)) && at(i) !== GT) i++;
    const endTag = lower(begin + 2, i);
    while (i < b.length && isSpace(at(i))) i++;
    if (at(i) !== GT) return fail(`Unclosed end tag at byte offset ${begin}`);
    if (endTag !== '' && endTag !== top.tag) {
      return fail(`Unmatched end tag at byte offset ${begin}, expected "</${top.tag}>", found "</${endTag}>"`);
    }
    open.pop();
    const length = utf16 - top.offset;
    if (length <= 0) continue; // empty tags produce no entity, like Telegram
    const err = closeEntity(top, length, Buffer.from(out.slice(top.bytePos)).toString('utf8'), entities);
    if (err) return fail(err);
  }

  const unclosed = open[open.length - 1];
  if (unclosed) return fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  const text = Buffer.from(out).toString('utf8');
  if (sawSurrogate) {
    return fail('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
  }
  for (const e of entities) if (e.type === 'code') delete e.language;
  entities.sort((x, y) => x.offset - y.offset || y.length - x.length);
  return { ok: true, text, entities };
}

/** Adds the entity for a closed tag; returns a parser message on error. */
function closeEntity(top: Open, length: number, inner: string, entities: ParsedEntity[]): string | undefined {
  const offset = top.offset;
  const simple = SIMPLE_TYPES[top.tag];
  const last = entities[entities.length - 1];
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  if (simple || top.tag === 'span') {
    entities.push({ type: simple ?? 'spoiler', offset, length });
  } else if (top.tag === 'tg-emoji') {
    if (!/^[1-9][0-9]{0,18}$/.test(top.arg)) return 'Invalid custom emoji identifier specified';
    entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: top.arg });
  } else if (top.tag === 'a') {
    const target = top.arg || inner;
    const mention = /^tg:\/\/user\?id=(\d+)$/i.exec(target);
    if (mention) {
      entities.push({ type: 'text_mention', offset, length, user: { id: Number(mention[1]), is_bot: false, first_name: '' } });
    } else {
      const url = checkedLink(target);
      if (url) entities.push({ type: 'text_link', offset, length, url });
    }
  } else if (top.tag === 'pre') {
    // <pre><code class="language-x"> is one pre entity with a language
    if (sameSpan && last.type === 'code' && last.language) last.type = 'pre';
    else entities.push({ type: 'pre', offset, length });
  } else if (top.tag === 'code') {
    if (sameSpan && last.type === 'pre' && top.arg) last.language = top.arg;
    else entities.push({ type: 'code', offset, length, ...(top.arg ? { language: top.arg } : {}) });
  } else if (top.tag === 'blockquote') {
    entities.push({ type: top.arg === 'expandable' ? 'expandable_blockquote' : 'blockquote', offset, length });
  }
  return undefined;
}

/**
 * Rough plain text of a Markdown/MarkdownV2 message (escapes and markers removed,
 * `[text](url)` reduced to text) — enough for length checks, not validation.
 */
export function markdownPlainText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\(.)|[*_~|`]/g, (_m, esc: string | undefined) => esc ?? '');
}
