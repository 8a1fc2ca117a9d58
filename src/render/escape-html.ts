/**
 * Escaping for Telegram's HTML parse mode. Telegram knows only four named entities
 * (&lt; &gt; &amp; &quot;), so those are the only ones we emit.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Feed text made safe for Telegram HTML: `&`, `<`, `>` and `"` become entities.
 * @example escapeHtml('AT&T <b>') // 'AT&amp;T &lt;b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * The longest prefix of `text` (whole code points, never half an entity) whose escaped form fits
 * in `budget` UTF-16 units — for cutting feed text to Telegram's length limit.
 * @example escapedPrefix('a&b', 6) // 'a&amp;'
 */
export function escapedPrefix(text: string, budget: number): string {
  let out = '';
  for (const ch of text) {
    const esc = escapeHtml(ch);
    if (out.length + esc.length > budget) break;
    out += esc;
  }
  return out;
}

/**
 * A value for a double-quoted attribute. The same four entities suffice because we always quote
 * with `"`; kept as its own name so call sites say what they mean.
 * @example `<a href="${escapeHtmlAttr(url)}">`
 */
export function escapeHtmlAttr(s: string): string {
  return escapeHtml(s);
}

/**
 * The link as a normalized absolute http(s) URL, or null for anything else (javascript:, data:,
 * relative, malformed) — only these may become `href`s.
 * @example safeHttpUrl('javascript:alert(1)') // null
 */
export function safeHttpUrl(link: string | null | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
