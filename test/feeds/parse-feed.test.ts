import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/domain/errors.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

/** The FetchError parseFeed rejects with (fails the test on success or on any other error type). */
async function failure(xml: string): Promise<FetchError> {
  const err = await parseFeed(xml).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('parseFeed: RSS 2.0', () => {
  it('normalizes a full item', async () => {
    const feed = await parseFeed(fixture('rss2.xml'));
    expect(feed.title).toBe('Harbour Gazette — Economy');
    expect(feed.link).toBe('https://gazette.example/economy/');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toEqual({
      guid: 'gazette-2026-0311-001',
      link: 'https://gazette.example/economy/2026/03/port-traffic?utm_source=rss',
      title: 'Port traffic rose 12% to 4.5m containers',
      publishedAt: new Date('2026-03-11T08:30:00Z'),
      author: 'Ana Ruiz',
      contentHtml: '<p>The port handled <b>4.5m</b> containers, up 12%.</p><p>Officials expect 5m next year.</p>',
      snippet: 'Container volumes grew for a <b>third</b> year.',
    });
  });

  it('gives an untitled item its first sentence as title, and an invalid date null', async () => {
    const item = (await parseFeed(fixture('rss2.xml'))).items[1];
    expect(item?.title).toBe('Average wages in the region climbed by 3.1 percent last year, the statistics office said on Tuesday');
    expect(item?.publishedAt).toBeNull();
    expect(item?.contentHtml).toBeNull();
    expect(item?.guid).toBeNull();
  });

  it('uses a permalink guid as the link and <author> as the author', async () => {
    const item = (await parseFeed(fixture('rss2.xml'))).items[2];
    expect(item).toMatchObject({
      guid: 'https://gazette.example/economy/2026/03/fuel',
      link: 'https://gazette.example/economy/2026/03/fuel',
      author: 'desk@gazette.example (Economy desk)',
      publishedAt: new Date('2026-03-10T17:05:00Z'),
      snippet: null,
    });
  });

  it('reads an <rss> without a version as RSS 2.0', async () => {
    const feed = await parseFeed('<rss><channel><title>x</title><item><title>a</title></item></channel></rss>');
    expect(feed.items.map((i) => i.title)).toEqual(['a']);
  });

  it('repairs bare ampersands and HTML entities instead of rejecting the feed', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>Q&A&nbsp;Weekly</title><item><title>AT&T buys 5% &amp; more</title><description>x&nbsp;y</description></item></channel></rss>');
    expect(feed.title).toBe('Q&A Weekly');
    expect(feed.items[0]).toMatchObject({ title: 'AT&T buys 5% & more', snippet: 'x&nbsp;y' });
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('normalizes items, with rdf:about as guid and dc:date / dc:creator', async () => {
    const feed = await parseFeed(fixture('rdf.xml'));
    expect(feed.title).toBe('Ticker Example');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      guid: 'https://ticker.example/news/1001',
      link: 'https://ticker.example/news/1001',
      title: 'Grid operator adds 300 MW of storage',
      publishedAt: new Date('2026-03-09T13:00:00Z'),
      author: 'Jonas Weber',
      contentHtml: null,
      snippet: 'The new batteries can power 250,000 homes for two hours.',
    });
    expect(feed.items[1]?.publishedAt).toEqual(new Date('2026-03-10T09:15:00Z'));
  });
});

describe('parseFeed: Atom', () => {
  it('normalizes an entry with full content and a summary', async () => {
    const feed = await parseFeed(fixture('atom.xml'));
    expect(feed).toMatchObject({ title: 'Lab Notes', link: 'https://lab.example/' });
    expect(feed.items[0]).toEqual({
      guid: 'tag:lab.example,2026:/notes/42',
      link: 'https://lab.example/notes/yield-trial-3',
      title: 'Yield up 7.5% in the third trial',
      publishedAt: new Date('2026-03-12T07:00:00Z'),
      author: 'Dr. Mei Tan',
      contentHtml: '<p>Across 40 plots the yield rose <em>7.5%</em>.</p>',
      snippet: 'Short: the yield rose again.',
    });
  });

  it('treats out-of-line content (src=) as no content, uses <updated>, resolves a relative link', async () => {
    const item = (await parseFeed(fixture('atom.xml'))).items[1];
    expect(item).toMatchObject({
      link: 'https://lab.example/notes/data-release',
      contentHtml: null,
      snippet: '<p>All 1,200 measurements are online.</p>',
      publishedAt: new Date('2026-03-11T08:00:00Z'),
    });
  });

  it('survives an unparseable date and an href-less <link> (both crash rss-parser)', async () => {
    const feed = await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title><link>https://x.example/a</link><published>yesterday-ish</published><id>1</id></entry></feed>');
    expect(feed.items[0]).toMatchObject({ title: 'a', link: 'https://x.example/a', publishedAt: null, guid: '1' });
  });

  it('titles an untitled entry with a long first sentence by its first 12 words', async () => {
    const feed = await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><summary>One two three four five six seven eight nine ten eleven twelve thirteen fourteen, and on and on and on until well past a hundred characters of text.</summary></entry></feed>');
    expect(feed.items[0]?.title).toBe('One two three four five six seven eight nine ten eleven twelve…');
  });

  it('handles an entry with nothing but an id', async () => {
    const feed = await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:x:1</id></entry></feed>');
    expect(feed).toEqual({ title: null, link: null, items: [{ guid: 'urn:x:1', link: null, title: '(untitled)', publishedAt: null, author: null, contentHtml: null, snippet: null }] });
  });
});

describe('parseFeed: not a feed', () => {
  const HTML_MESSAGE = 'parse: the document is an HTML page, not a feed — give the feed URL (look for <link rel="alternate" type="application/rss+xml">)';

  it.each([
    ['an HTML5 page', '<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Hi</p></body></html>'],
    ['a page without doctype', '  <html lang="en"><body>x</body></html>'],
    ['an XHTML page with an XML prolog', '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"/>'],
  ])('rejects %s as not_a_feed with the fix in the message', async (_name, html) => {
    const err = await failure(html);
    expect(err.code).toBe('not_a_feed');
    expect(err.message).toBe(HTML_MESSAGE);
  });

  it.each(['', '   \n\t ', '\uFEFF'])('rejects an empty body (%j) as empty', async (body) => {
    expect(await failure(body)).toMatchObject({ code: 'empty', message: 'parse: the document is empty' });
  });

  it.each([
    ['unclosed tags', '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>', /^parse: Unexpected close tag/],
    ['a truncated download', '<rss version="2.0"><channel><title>x</title><item><title>a</title>', /^parse: Unclosed root tag/],
    ['<rss> without <channel>', '<rss version="2.0"></rss>', /^parse: unexpected feed structure/],
    ['another XML document', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', /^parse: the document is <svg>, not an RSS or Atom feed$/],
    ['JSON that is not a JSON Feed', '{"status":"ok","data":[]}', /^parse: the document is JSON but not a JSON Feed/],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', /^parse: invalid JSON/],
    ['plain text', 'Service Unavailable', /^parse: the document is not XML, not an RSS or Atom feed$/],
  ])('rejects %s with a FetchError', async (_name, xml, message) => {
    const err = await failure(xml);
    expect(err.code).toBe('not_a_feed');
    expect(err.message).toMatch(message);
  });
});
