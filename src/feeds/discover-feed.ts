/**
 * Given a web page, the feeds it advertises: `<link rel="alternate" type="application/rss+xml">`
 * (and Atom, RSS-RDF, JSON Feed), resolved against the page URL, in page order, without duplicates.
 */

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/json|text\/xml|application\/xml)$/i;

/**
 * Feed URLs a page links to with rel="alternate".
 * @example discoverFeeds('<link rel="alternate" type="application/rss+xml" href="/feed">', 'https://ex.com/') // ["https://ex.com/feed"]
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const head = html.slice(0, 200_000);
  const base = /<base\s[^>]*href\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const baseUrl = resolve(base ?? null, pageUrl) ?? pageUrl;
  const found: string[] = [];
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    const attrs = attributes(tag);
    const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
    const type = (attrs['type'] ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const href = resolve(attrs['href'] ?? null, baseUrl);
    if (href && /^https?:/i.test(href) && !found.includes(href)) found.push(href);
  }
  return found;
}

/** Attributes of one start tag, names lowercased, values with the common entities decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = m[1]!.toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The five XML entities and numeric references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r === 'amp') return '&';
    if (r === 'lt') return '<';
    if (r === 'gt') return '>';
    if (r === 'quot') return '"';
    if (r === 'apos') return "'";
    const code = r.startsWith('#x') ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function resolve(href: string | null, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}
