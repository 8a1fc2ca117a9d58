import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, htmlToText } from '../../src/feeds/extract-text.js';

describe('htmlToText', () => {
  it.each([
    ['inline tags vanish, source spaces kept', 'Ukraine captured <b>971</b> soldiers', 'Ukraine captured 971 soldiers'],
    ['inline tags add no space of their own', '<b>971</b>soldiers and 4<sup>th</sup>', '971soldiers and 4th'],
    ['paragraphs become blank lines', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['headings are paragraphs', '<h2>Title</h2>Body <i>text</i>, end.', 'Title\n\nBody text, end.'],
    ['br and div end a line', 'one<br>two<br/><br>three<div>four</div>five', 'one\ntwo\nthree\nfour\nfive'],
    ['list items are lines, the list a paragraph', '<ul><li>a</li><li>b</li></ul><p>c</p>', 'a\nb\n\nc'],
    ['table cells are separated, rows are lines', '<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>', '1 2\n3'],
    ['entities are decoded', 'AT&amp;T&nbsp;paid &#8364;5m &ndash; it&#8217;s &lt;b&gt; &quot;q&quot; &#x2014;', 'AT&T paid €5m – it’s <b> "q" —'],
    ['scripts, styles, iframes, noscript dropped', 'a<script>var x = "<p>no</p>";</script> b<style>p{}</style><iframe src="x">frame</iframe><noscript>ns</noscript> c', 'a b c'],
    ['whitespace collapses within lines', '  lots \t of\n\n  space  <p>  and   here </p>', 'lots of space\n\nand here'],
    ['nested blocks do not stack blank lines', '<div><div><p>a</p></div></div><div><p>b</p></div>', 'a\n\nb'],
    ['blockquote and figure captions', '<blockquote><p>Quote.</p></blockquote><figure><img src="x"><figcaption>Cap</figcaption></figure>', 'Quote.\n\nCap'],
    ['plain text passes through', 'Sales rose 12% to $4bn.', 'Sales rose 12% to $4bn.'],
    ['empty and whitespace-only input', '   ', ''],
    ['a full document keeps only the body', '<html><head><title>T</title></head><body><p>Body</p></body></html>', 'Body'],
    ['unclosed tags are tolerated', '<p>one <b>two<p>three', 'one two\n\nthree'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('extractArticle', () => {
  const page = readFileSync(new URL('../fixtures/pages/news-article.html', import.meta.url), 'utf8');
  const url = 'https://chronicle.example/local/2026/03/bridge-repair-cost?utm_source=rss';

  it('returns the article text without navigation, ads, sidebar, comments or footer', () => {
    const article = extractArticle(page, url);
    expect(article).not.toBeNull();
    const text = article?.text ?? '';
    expect(text).toContain("Repairing the Old Mill Bridge will cost £48m, almost double the council's estimate of £25m from 2024, officials said on Tuesday.");
    expect(text).toContain('about 18,000 drivers a day onto a 9-mile detour');
    expect(text).toContain('Residents can also comment online until the end of April.');
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    for (const chrome of ['Subscribe for £1', 'ADVERTISEMENT', 'Most read', 'riverfan99', 'Comments (37)', 'All rights reserved', 'window.tracking', 'holidays from £99']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('returns the metadata, with the canonical URL resolved against the page URL', () => {
    expect(extractArticle(page, url)).toMatchObject({
      title: 'Bridge repair to cost £48m, council says',
      byline: 'Priya Shah',
      publishedTime: '2026-03-11T07:45:00Z',
      canonicalUrl: 'https://chronicle.example/local/2026/03/bridge-repair-cost',
      siteName: 'Riverside Chronicle',
    });
  });

  it('falls back to og:url for the canonical URL', () => {
    const html = page.replace('<link rel="canonical" href="/local/2026/03/bridge-repair-cost">', '<meta property="og:url" content="https://chronicle.example/b">');
    expect(extractArticle(html, url)?.canonicalUrl).toBe('https://chronicle.example/b');
  });

  it('returns null when there is no article', () => {
    expect(extractArticle('', url)).toBeNull();
    expect(extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', url)).toBeNull();
  });
});
