/**
 * OPML, the feed-list exchange format of every feed reader: read the feeds out of an OPML file
 * (nested category outlines included) and write the feed list as OPML 2.0. Pure.
 */
import { attributes } from './discover-feed.js';

/** One feed of an OPML file. */
export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
}

/**
 * The feeds of an OPML document, in file order, and the outlines that could not be used.
 * @example parseOpml('<opml version="2.0"><body><outline type="rss" text="A" xmlUrl="https://a.example/rss"/></body></opml>').feeds
 */
export function parseOpml(xml: string): { feeds: OpmlFeed[]; problems: string[] } {
  if (!/<opml[\s>]/i.test(xml)) throw new Error('opml: not an OPML document (no <opml> element)');
  const feeds: OpmlFeed[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of body.match(/<outline\b[^>]*>/gi) ?? []) {
    const a = attributes(tag);
    const url = (a['xmlurl'] ?? '').trim();
    const title = (a['title'] ?? a['text'] ?? '').trim() || null;
    if (!url) {
      // A category (it holds other outlines) is not a problem; an rss outline without xmlUrl is.
      if ((a['type'] ?? '').toLowerCase() === 'rss') problems.push(`"${title ?? tag}" has no xmlUrl`);
      continue;
    }
    if (!/^https?:\/\/[^\s/]+/i.test(url)) {
      problems.push(`"${title ?? url}": ${url} is not an http(s) URL`);
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    feeds.push({ url, title, siteUrl: (a['htmlurl'] ?? '').trim() || null });
  }
  return { feeds, problems };
}

/**
 * A feed list as an OPML 2.0 document.
 * @example renderOpml([{ url: 'https://a.example/rss', title: 'A', siteUrl: null }], { title: 'KeyFigures feeds', now: new Date() })
 */
export function renderOpml(feeds: readonly OpmlFeed[], head: { title: string; now: Date }): string {
  const lines = feeds.map((f) => {
    const text = f.title ?? f.url;
    const site = f.siteUrl ? ` htmlUrl="${attr(f.siteUrl)}"` : '';
    return `    <outline type="rss" text="${attr(text)}" title="${attr(text)}" xmlUrl="${attr(f.url)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(head.title)}</title>`,
    `    <dateCreated>${head.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** Escape for an XML attribute or text; control characters XML 1.0 forbids are dropped. */
function attr(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}
