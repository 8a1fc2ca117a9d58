/**
 * Feed document → ParsedFeed. Detects what is not a feed before parsing (HTML pages, other JSON,
 * empty bodies) so the operator gets a message with the fix, then normalizes RSS 0.9x/2.0,
 * RSS 1.0 (RDF), Atom and JSON Feed items into one FeedItem shape. Throws nothing but FetchError.
 */
import Parser from 'rss-parser';
import { FetchError } from '../domain/errors.js';
import type { FeedItem, ParsedFeed } from '../domain/types.js';
import { htmlToText } from './extract-text.js';
import { parseJsonFeed } from './json-feed.js';
import { oneLine } from './one-line.js';

type Format = 'rss' | 'rdf' | 'atom' | 'json';
type Raw = Record<string, unknown>;

/** Fields rss-parser does not keep under a usable name by default. */
const ITEM_FIELDS: [string, string][] = [
  ['content:encoded', 'contentEncoded'],
  ['dc:date', 'dcDate'],
  ['dc:creator', 'dcCreator'],
  ['published', 'published'],
  ['updated', 'updated'],
  ['description', 'description'],
  ['content', 'atomContentRaw'],
];

const TITLE_WORDS = 12;
const TITLE_CHARS = 100;

/**
 * Parse a decoded feed document.
 * @example const { title, items } = await parseFeed(decodeBody(res.body, res.contentType));
 */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  const format = detectFormat(xml);
  if (format === 'json') return parseJsonFeed(xml.replace(/^\uFEFF/, ''));
  let output: Raw;
  try {
    output = await parseXml(xml);
  } catch (first) {
    // Real feeds have fixable faults; retry once on a repaired copy, but report the original fault.
    const repaired = repairXml(xml, format);
    if (repaired === xml) throw notAFeed(first);
    try {
      output = await parseXml(repaired);
    } catch {
      throw notAFeed(first);
    }
  }
  const items = Array.isArray(output['items']) ? (output['items'] as Raw[]) : [];
  const link = str(output['link']);
  const ttl = Number(str(output['ttl']));
  const parsed: ParsedFeed = {
    title: textOf(str(output['title'])),
    link,
    items: items.map((raw) => toFeedItem(raw, format, link)),
  };
  if (ttl > 0 && Number.isFinite(ttl)) parsed.ttlMinutes = ttl;
  return parsed;
}

/** Sniff the root element; reject documents that are not feeds with a message that says what to do. */
function detectFormat(xml: string): Format {
  const text = xml.replace(/^\uFEFF/, '').trim();
  if (!text) throw new FetchError('empty', 'parse: the document is empty');
  if (text.startsWith('{')) return 'json';
  if (text.startsWith('[')) throw new FetchError('not_a_feed', 'parse: the document is a JSON array, not a feed');
  // Skip the prolog: XML declaration, processing instructions, comments, doctype.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^<>[]|\[[\s\S]*?\])*>)*/i;
  const doctype = /<!DOCTYPE\s+(\w+)/i.exec(text.slice(0, 2048))?.[1]?.toLowerCase();
  const root = /^<([\w:.-]+)/.exec(text.replace(prolog, ''))?.[1]?.toLowerCase();
  if (doctype === 'html' || root === 'html' || root === 'head' || root === 'body') {
    throw new FetchError('not_a_feed', 'parse: the document is an HTML page, not a feed — give the feed URL (look for <link rel="alternate" type="application/rss+xml">)');
  }
  if (root === 'feed' || root?.endsWith(':feed')) return 'atom';
  if (root === 'rdf:rdf' || root === 'rdf') return 'rdf';
  if (root === 'rss') return 'rss';
  const what = root ? `<${root}>` : 'not XML';
  throw new FetchError('not_a_feed', `parse: the document is ${what}, not an RSS or Atom feed`);
}

async function parseXml(xml: string): Promise<Raw> {
  // A fresh parser per call: xml2js keeps state between parses and an error can leave it dirty.
  // defaultRSS: an <rss> root without a version attribute is read as RSS 2.0.
  const parser = new Parser({ customFields: { item: ITEM_FIELDS, feed: ['ttl'] }, defaultRSS: 2 });
  return (await parser.parseString(xml)) as unknown as Raw;
}

/**
 * Fix what breaks rss-parser in otherwise readable feeds: bare "&" and HTML-only entities
 * (&nbsp;), and in Atom, unparseable dates (rss-parser throws on them) and <link>url</link>
 * without href (rss-parser crashes on it).
 */
function repairXml(xml: string, format: Format): string {
  let out = xml.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
  if (format === 'atom') {
    out = out.replace(/<(published|updated)>([^<]*)<\/\1>/g, (whole, tag: string, value: string) =>
      Number.isNaN(new Date(value.trim()).getTime()) ? `<${tag}></${tag}>` : whole,
    );
    out = out.replace(/<link>\s*([^<\s]+)\s*<\/link>/g, '<link href="$1"/>');
  }
  return out;
}

function notAFeed(err: unknown): FetchError {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  // A TypeError is rss-parser tripping over a structure it did not expect (e.g. <rss> without <channel>).
  const what = err instanceof TypeError ? `unexpected feed structure (${reason})` : reason;
  return new FetchError('not_a_feed', `parse: ${what}`);
}

function toFeedItem(raw: Raw, format: Format, feedLink: string | null): FeedItem {
  const atom = format === 'atom';
  // rss-parser puts RSS <description> in `content`, Atom <content> in `content`; tell them apart by format.
  const description = atom ? null : (str(raw['description']) ?? str(raw['content']));
  const contentHtml = atom ? atomContent(raw) : str(raw['contentEncoded']);
  const snippet = description ?? str(raw['summary']) ?? str(raw['contentSnippet']);
  const guid = str(raw['guid']) ?? str(raw['id']) ?? str(raw['rdf:about']);
  // An RSS guid is a permalink unless it says otherwise; use it when <link> is missing.
  const link = absolute(str(raw['link']), feedLink) ?? (guid && /^https?:\/\//i.test(guid) && !atom ? guid : null);
  return {
    guid,
    link,
    title: titleOf(raw, contentHtml ?? snippet, link),
    publishedAt: dateOf(raw['isoDate'], raw['pubDate'], raw['dcDate'], raw['published'], raw['updated']),
    author: oneLine(str(raw['creator']) ?? str(raw['dcCreator']) ?? str(raw['author'])),
    contentHtml,
    snippet,
  };
}

/** Atom <content> counts as full content unless it only points elsewhere (src=…). */
function atomContent(raw: Raw): string | null {
  const element = raw['atomContentRaw'];
  const attrs = element && typeof element === 'object' ? (element as Raw)['$'] : null;
  if (attrs && typeof attrs === 'object' && 'src' in attrs && str(element) === null) return null;
  return str(raw['content']);
}

/** Relative item links (seen in GitHub's Atom feeds) resolved against the feed's site link. */
function absolute(link: string | null, base: string | null): string | null {
  if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || !base) return link;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

/** Titles are text, but some feeds put markup or entities in them; only then pay for an HTML parse. */
function textOf(title: string | null): string | null {
  return oneLine(title && /<[a-z/!]|&[#\w]+;/i.test(title) ? htmlToText(title) : title);
}

function titleOf(raw: Raw, body: string | null, link: string | null): string {
  const line = textOf(str(raw['title']));
  if (line) return line;
  const text = oneLine(htmlToText(body ?? '')) ?? '';
  // A short first sentence reads as a headline; otherwise the first words, marked as cut.
  const sentence = /^.{20,}?[.!?](?=\s|$)/.exec(text)?.[0];
  if (sentence && sentence.length <= TITLE_CHARS) return sentence.replace(/\.$/, '');
  const words = text ? text.split(' ') : [];
  if (words.length) {
    const head = words.slice(0, TITLE_WORDS).join(' ');
    const short = head.length > TITLE_CHARS ? head.slice(0, TITLE_CHARS).replace(/\s+\S*$/, '') : head;
    return short.length < words.join(' ').length ? `${short}…` : short;
  }
  return link ?? '(untitled)';
}

/** The first candidate that is a valid date; feeds carry dates in several fields and formats. */
function dateOf(...candidates: unknown[]): Date | null {
  for (const candidate of candidates) {
    const text = str(candidate);
    if (!text) continue;
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

/** A trimmed non-empty string from a field rss-parser may leave as an object (attributes, nested XML). */
function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && '_' in value) return str((value as Raw)['_']);
  return null;
}

