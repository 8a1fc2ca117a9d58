import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { FetchError } from '../../src/domain/errors.js';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/feeds', name), 'utf8');

describe('parseFeed: JSON Feed 1.1', () => {
  it('reads the feed and normalizes every item to FeedItem', async () => {
    const feed = await parseFeed(fixture('jsonfeed-1.1.json'));
    expect(feed.title).toBe('Harbour Times');
    expect(feed.link).toBe('https://harbour.example/');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toEqual({
      guid: 'https://harbour.example/2026/11/bridge',
      link: 'https://harbour.example/2026/11/bridge',
      title: 'Bridge reopens after $48m repairs',
      publishedAt: new Date('2026-11-23T07:40:00Z'),
      author: 'Ana Li, Bo Chen',
      contentHtml: '<p>The bridge reopened after repairs costing $48m.</p>',
      snippet: 'The bridge is open again.',
    });
  });

  it('turns content_text into paragraphs, resolves relative URLs, reads 1.0 author and date_modified, titles untitled items', async () => {
    const item = (await parseFeed(fixture('jsonfeed-1.1.json'))).items[1]!;
    expect(item).toMatchObject({
      guid: '2',
      link: 'https://harbour.example/2026/11/ferry',
      title: 'Ferry fares rise 4% from January. The operator carried 1.2 million passengers last year.',
      publishedAt: new Date('2026-11-22T09:00:00Z'),
      author: 'Old-Style Author',
      contentHtml: '<p>Ferry fares rise 4% from January.</p><p>The operator carried 1.2 million passengers last year.</p>',
    });
  });

  it('falls back to external_url and ignores a bad date', async () => {
    const item = (await parseFeed(fixture('jsonfeed-1.1.json'))).items[2]!;
    expect(item).toMatchObject({ link: 'https://elsewhere.example/x', title: 'Linked elsewhere', publishedAt: null });
  });

  it('is detected by content even with a BOM and whitespace', async () => {
    const feed = await parseFeed(`\uFEFF \n{"version":"https://jsonfeed.org/version/1","title":"T","items":[]}`);
    expect(feed).toMatchObject({ title: 'T', items: [] });
  });

  it('rejects JSON without items as not a feed', async () => {
    const err = await parseFeed('{"version":"https://jsonfeed.org/version/1.1","title":"x"}').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('not_a_feed');
  });
});

describe('parseFeed: RSS <ttl>', () => {
  it('reports the channel ttl in minutes', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>x</title><ttl>90</ttl><item><title>a</title></item></channel></rss>');
    expect(feed.ttlMinutes).toBe(90);
  });
  it('leaves it out when absent or invalid', async () => {
    expect((await parseFeed('<rss version="2.0"><channel><title>x</title><ttl>soon</ttl></channel></rss>')).ttlMinutes).toBeUndefined();
  });
});
