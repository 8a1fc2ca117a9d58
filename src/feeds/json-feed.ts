/**
 * JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) → ParsedFeed, the same shape the XML
 * formats produce. rss-parser does not read JSON Feed. Throws nothing but FetchError.
 */
import { FetchError } from '../domain/errors.js';
import type { FeedItem, ParsedFeed } from '../domain/types.js';
import { htmlToText } from './extract-text.js';
import { escapeHtml } from '../render/escape-html.js';
import { oneLine } from './one-line.js';

type Raw = Record<string, unknown>;

/**
 * Parse a JSON Feed document.
 * @example parseJsonFeed('{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","content_text":"Hi"}]}')
 */
export function parseJsonFeed(json: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new FetchError('not_a_feed', `parse: invalid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc) || !/jsonfeed\.org\/version\//i.test(str(doc['version']) ?? '') || !Array.isArray(doc['items'])) {
    throw new FetchError('not_a_feed', 'parse: the document is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1" and "items")');
  }
  const link = url(doc['home_page_url']);
  return {
    title: oneLine(str(doc['title'])),
    link,
    items: (doc['items'] as unknown[]).filter(isObject).map((raw) => toItem(raw, link ?? url(doc['feed_url']))),
  };
}

function toItem(raw: Raw, base: string | null): FeedItem {
  const html = str(raw['content_html']);
  const text = str(raw['content_text']);
  const contentHtml = html ?? (text ? text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p)}</p>`).join('') : null);
  const link = resolve(url(raw['url']) ?? url(raw['external_url']), base);
  const id = raw['id'];
  return {
    guid: typeof id === 'number' ? String(id) : str(id),
    link,
    title: oneLine(str(raw['title'])) ?? headline(str(raw['summary']) ?? text ?? (html ? htmlToText(html) : null)) ?? link ?? '(untitled)',
    publishedAt: date(raw['date_published']) ?? date(raw['date_modified']),
    author: authorOf(raw),
    contentHtml,
    snippet: str(raw['summary']),
  };
}

/** JSON Feed 1.1 has `authors` (array); 1.0 had `author` (object). */
function authorOf(raw: Raw): string | null {
  const authors = Array.isArray(raw['authors']) ? raw['authors'] : isObject(raw['author']) ? [raw['author']] : [];
  const names = authors.filter(isObject).map((a) => oneLine(str(a['name']))).filter((n): n is string => Boolean(n));
  return names.length ? names.join(', ') : null;
}

function headline(text: string | null): string | null {
  const line = oneLine(text);
  if (!line) return null;
  return line.length <= 100 ? line : `${line.slice(0, 100).replace(/\s+\S*$/, '')}…`;
}

function date(value: unknown): Date | null {
  const text = str(value);
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

function url(value: unknown): string | null {
  return str(value);
}

function resolve(link: string | null, base: string | null): string | null {
  if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || !base) return link;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

