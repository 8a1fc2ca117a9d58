import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/domain/types.js';
import { itemKey, normalizeLink } from '../../src/feeds/item-key.js';

const FEED = 'https://news.example/feeds/world.xml';
const item = (over: Partial<FeedItem>): FeedItem => ({
  guid: null, link: null, title: 'Title', publishedAt: null, author: null, contentHtml: null, snippet: null, ...over,
});

describe('normalizeLink', () => {
  it.each([
    ['lowercases scheme and host, keeps path case', 'HTTPS://News.Example.COM/World/Story', 'https://news.example.com/World/Story'],
    ['drops the default port', 'https://news.example:443/a', 'https://news.example/a'],
    ['drops the default http port', 'http://news.example:80/a', 'http://news.example/a'],
    ['keeps a non-default port', 'http://news.example:8080/a', 'http://news.example:8080/a'],
    ['drops the fragment', 'https://news.example/a#comments', 'https://news.example/a'],
    ['drops utm_* and click ids', 'https://news.example/a?utm_source=tw&utm_medium=social&fbclid=x1&gclid=y2&id=7', 'https://news.example/a?id=7'],
    ['drops mailchimp and ref params', 'https://news.example/a?mc_cid=1&mc_eid=2&ref=home&ref_src=twsrc', 'https://news.example/a'],
    ['tracking names match case-insensitively', 'https://news.example/a?UTM_Source=x&p=1', 'https://news.example/a?p=1'],
    ['sorts the remaining params, keeping their encoding', 'https://news.example/a?z=1&b=%20x&a=2', 'https://news.example/a?a=2&b=%20x&z=1'],
    ['keeps repeated params in order', 'https://news.example/a?tag=b&tag=a', 'https://news.example/a?tag=b&tag=a'],
    ['strips the trailing slash of a path', 'https://news.example/world/story/', 'https://news.example/world/story'],
    ['keeps the root slash', 'https://news.example/', 'https://news.example/'],
    ['adds the root slash', 'https://news.example', 'https://news.example/'],
    ['trims whitespace', '  https://news.example/a  ', 'https://news.example/a'],
    ['returns a non-URL trimmed', '  not a url ', 'not a url'],
    ['returns a relative path as is', '/world/story', '/world/story'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeLink(input)).toBe(expected);
  });

  it('gives the same key to a link shared with different tracking tags', () => {
    const a = 'https://news.example/world/story/?utm_source=rss#top';
    const b = 'https://NEWS.example/world/story?fbclid=abc&utm_campaign=z';
    expect(normalizeLink(a)).toBe(normalizeLink(b));
  });
});

describe('itemKey', () => {
  it.each([
    ['guid first', item({ guid: ' urn:uuid:1 ', link: 'https://news.example/a' }), 'guid:urn:uuid:1'],
    ['a bare guid is scoped to its feed', item({ guid: '12345', link: 'https://news.example/a' }), 'guid:https://news.example/feeds/world.xml#12345'],
    ['else the normalized link', item({ link: 'https://News.example/a/?utm_source=rss' }), 'link:https://news.example/a'],
    ['a relative link resolved against the feed URL', item({ link: '/world/b' }), 'link:https://news.example/world/b'],
    ['an empty guid counts as none', item({ guid: '  ', link: 'https://news.example/c' }), 'link:https://news.example/c'],
  ])('%s', (_name, it_, key) => {
    expect(itemKey(it_, FEED)).toBe(key);
  });

  it('else a sha1 of title and content', () => {
    const key = itemKey(item({ title: 'Rates held', contentHtml: '<p>At 4%.</p>' }), FEED);
    expect(key).toBe(`hash:${createHash('sha1').update('Rates held\n<p>At 4%.</p>').digest('hex')}`);
    expect(itemKey(item({ title: 'Rates held', contentHtml: '<p>At 4%.</p>' }), FEED)).toBe(key);
    expect(itemKey(item({ title: 'Rates held', contentHtml: '<p>At 5%.</p>' }), FEED)).not.toBe(key);
  });
});
