/**
 * Synthetic news for end-to-end tests: an RSS feed whose items link to article pages on the same
 * local server. One item carries its full text in the feed; the other only a teaser, so the
 * pipeline must fetch its page and extract the article through the reader view.
 */
import type { FixtureServer } from './http-fixture-server.js';
import type { NewArticle } from '../../src/store/store.js';

/** Facts the tests assert on (each appears in the articles below). */
export const SAMPLE = {
  fullTitle: 'Harbour bridge reopens after repairs costing $48m',
  teaserTitle: 'Border talks free 412 prisoners in 206-for-206 swap',
  figures: ['$48m', '412', '206-for-206', '1,350'],
};

const fullContent = `
<p>The harbour bridge reopened on Tuesday after repairs costing $48m, the port authority said, ending a closure that lasted eight months.</p>
<p>About 1,350 lorries a day used the crossing before it shut in March. Engineers replaced 96 steel cables and resurfaced 2.4 km of road deck.</p>
<p>Traffic is expected to return to normal within two weeks, officials said.</p>`;

const teaserPage = (base: string) => `<!doctype html>
<html><head><title>${SAMPLE.teaserTitle} | Test Wire</title>
<link rel="canonical" href="${base}/articles/prisoners"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe: help us reach 50,000 members</a></nav>
<article>
<h1>${SAMPLE.teaserTitle}</h1>
<p class="byline">By Test Reporter · 3 min read</p>
<p>Negotiators freed 412 prisoners on Monday in a 206-for-206 exchange, the first such swap in three years, mediators said on Tuesday.</p>
<p>The exchange followed nine days of talks. Among those released were 38 medical workers and 12 journalists, according to the Red Cross, which said more than 1,900 people were still held by both sides.</p>
<p>A second phase covering at least 300 more detainees is due before the end of the month, the mediators added. Aid agencies said 60 trucks of food would now cross each day.</p>
<p>Families waited for hours at the crossing point, where volunteers handed out blankets and hot drinks as the buses arrived late in the evening.</p>
</article>
<aside>Most read: 10 things to do this weekend</aside>
<footer>© 2026 Test Wire</footer>
</body></html>`;

/** The RSS document, with links to `base`. */
export function sampleFeed(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Test Wire &amp; Co</title>
  <link>${base}/</link>
  <description>Synthetic news for tests</description>
  <item>
    <title>${SAMPLE.fullTitle}</title>
    <link>${base}/articles/bridge</link>
    <guid>test-wire-bridge</guid>
    <pubDate>${new Date(Date.now() - 3_600_000).toUTCString()}</pubDate>
    <description>The bridge is open again.</description>
    <content:encoded><![CDATA[${fullContent}]]></content:encoded>
  </item>
  <item>
    <title>${SAMPLE.teaserTitle}</title>
    <link>${base}/articles/prisoners?utm_source=rss</link>
    <guid>test-wire-prisoners</guid>
    <pubDate>${new Date(Date.now() - 1_800_000).toUTCString()}</pubDate>
    <description>Negotiators freed prisoners on Monday.</description>
  </item>
</channel>
</rss>`;
}

/** Serve the feed at /feed.xml and the teaser's article page. */
export function serveSampleNews(server: FixtureServer): string {
  server.route('/feed.xml', { body: sampleFeed(server.url), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
  server.route('/articles/prisoners?utm_source=rss', { body: teaserPage(server.url), headers: { 'content-type': 'text/html; charset=utf-8' } });
  server.route('/articles/prisoners', { body: teaserPage(server.url), headers: { 'content-type': 'text/html; charset=utf-8' } });
  return `${server.url}/feed.xml`;
}

/** One stored article published now, with its figure: what a scheduled or `--now` digest sends. */
export function portStrikeArticle(): NewArticle {
  const now = new Date();
  return {
    feedId: null, key: 'k-port', link: 'https://news.example/port', title: 'Port strike ends after 12 days', source: 'Wire',
    publishedAt: now, fetchedAt: now,
    text: 'About 3,400 workers had walked out.', summary: 'About 3,400 workers had walked out.',
    figures: [{ text: '3,400', value: 3400, kind: 'count', unit: null, label: 'workers walked out', sentence: 'About 3,400 workers had walked out.', start: 6, end: 11, approx: 'About' }],
  };
}
