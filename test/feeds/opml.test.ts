import { describe, expect, it } from 'vitest';
import { parseOpml, renderOpml } from '../../src/feeds/opml.js';

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="Harbour &amp; Co" xmlUrl="https://harbour.example/rss?a=1&amp;b=2" htmlUrl="https://harbour.example/"/>
      <outline type="rss" text="Atom one" xmlUrl='https://atom.example/feed'/>
    </outline>
    <!-- <outline type="rss" text="commented out" xmlUrl="https://gone.example/rss"/> -->
    <outline type="rss" text="No URL"/>
    <outline type="rss" text="Bad scheme" xmlUrl="ftp://x.example/feed"/>
    <outline type="rss" text="Dup" xmlUrl="https://atom.example/feed"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('reads feeds from nested outlines, decodes entities, reports bad entries and skips duplicates', () => {
    const { feeds, problems } = parseOpml(SAMPLE);
    expect(feeds).toEqual([
      { url: 'https://harbour.example/rss?a=1&b=2', title: 'Harbour & Co', siteUrl: 'https://harbour.example/' },
      { url: 'https://atom.example/feed', title: 'Atom one', siteUrl: null },
    ]);
    expect(problems).toEqual(['"No URL" has no xmlUrl', '"Bad scheme": ftp://x.example/feed is not an http(s) URL']);
  });

  it('refuses a document that is not OPML', () => {
    expect(() => parseOpml('<rss version="2.0"/>')).toThrow(/not an OPML document/);
  });
});

describe('renderOpml', () => {
  const feeds = [
    { url: 'https://harbour.example/rss?a=1&b=2', title: 'Harbour & "Co" <news>', siteUrl: 'https://harbour.example/' },
    { url: 'https://atom.example/feed', title: null, siteUrl: null },
  ];

  it('writes OPML 2.0 with escaped attributes', () => {
    const xml = renderOpml(feeds, { title: 'KeyFigures feeds', now: new Date('2026-11-24T08:00:00Z') });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<dateCreated>Tue, 24 Nov 2026 08:00:00 GMT</dateCreated>');
    expect(xml).toContain('text="Harbour &amp; &quot;Co&quot; &lt;news&gt;"');
    expect(xml).toContain('xmlUrl="https://harbour.example/rss?a=1&amp;b=2"');
  });

  it('round-trips through parseOpml', () => {
    const back = parseOpml(renderOpml(feeds, { title: 't', now: new Date() }));
    expect(back.problems).toEqual([]);
    expect(back.feeds).toEqual([feeds[0], { url: 'https://atom.example/feed', title: 'https://atom.example/feed', siteUrl: null }]);
  });
});
