import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeHtmlAttr, escapedPrefix, safeHttpUrl } from '../../src/render/escape-html.js';

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['AT&T', 'AT&amp;T'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ["it's", "it's"],
    ['&amp; already', '&amp;amp; already'],
    ['<b>unclosed', '&lt;b&gt;unclosed'],
    ['€5bn 🇺🇦 שלום', '€5bn 🇺🇦 שלום'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapes attribute values the same way, quotes included', () => {
    expect(escapeHtmlAttr('https://x.test/?a=1&b="2"')).toBe('https://x.test/?a=1&amp;b=&quot;2&quot;');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://kyivindependent.com/a', 'https://kyivindependent.com/a'],
    ['  http://example.com/a b  ', 'http://example.com/a%20b'],
    ['HTTPS://EXAMPLE.COM/"x"', 'https://example.com/%22x%22'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>', null],
    ['mailto:news@example.com', null],
    ['/relative/path', null],
    ['not a url', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('escapedPrefix', () => {
  it.each([
    ['a&b', 6, 'a&amp;'],
    ['a&b', 5, 'a'],
    ['<<', 4, '&lt;'],
    ['😀x', 1, ''],
    ['😀x', 3, '😀x'],
  ])('%j within %d units → %j', (text, budget, expected) => {
    expect(escapedPrefix(text, budget)).toBe(expected);
  });
});
