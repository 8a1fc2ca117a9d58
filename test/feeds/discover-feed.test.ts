import { describe, expect, it } from 'vitest';
import { discoverFeeds } from '../../src/feeds/discover-feed.js';

describe('discoverFeeds', () => {
  it.each([
    ['RSS, relative href', '<link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml">', ['https://site.example/feed.xml']],
    ['Atom, single quotes, attribute order', "<link href='atom.xml' type='application/atom+xml' rel='alternate'>", ['https://site.example/blog/atom.xml']],
    ['JSON Feed', '<link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json"/>', ['https://cdn.example/feed.json']],
    ['rel with several tokens, upper case', '<LINK REL="Alternate Home" TYPE="application/rss+xml" HREF="/r?a=1&amp;b=2">', ['https://site.example/r?a=1&b=2']],
    ['a stylesheet and a translation are not feeds', '<link rel="stylesheet" href="/s.css"><link rel="alternate" hreflang="fr" href="/fr/" type="text/html">', []],
    ['duplicates collapse, order kept', '<link rel="alternate" type="application/atom+xml" href="/a"><link rel="alternate" type="application/rss+xml" href="/r"><link rel="alternate" type="application/atom+xml" href="/a">', ['https://site.example/a', 'https://site.example/r']],
    ['<base href> is honoured', '<base href="https://other.example/x/"><link rel="alternate" type="application/rss+xml" href="rss">', ['https://other.example/x/rss']],
    ['javascript: hrefs are dropped', '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">', []],
  ])('%s', (_name, head, expected) => {
    expect(discoverFeeds(`<!doctype html><html><head>${head}</head><body></body></html>`, 'https://site.example/blog/')).toEqual(expected);
  });
});
