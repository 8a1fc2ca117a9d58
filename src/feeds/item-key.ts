/**
 * Dedupe identity of a feed item: the same story seen twice (re-fetched, re-ordered, or with a
 * different tracking tag on its link) must get the same key.
 */
import { createHash } from 'node:crypto';
import type { FeedItem } from '../domain/types.js';

/** Query parameters that mark who sent the click, not what the page is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'ttclid',
  'mc_cid', 'mc_eid', '_ga', '_gl', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'ito', 'ocid',
  'wt_mc', 'wt.mc_id', 'ncid', 'sr_share', 'spm', 'mkt_tok', 'oly_enc_id', 'oly_anon_id', 'vero_id', '__s',
]);
/** Whole families of tracking parameters (utm_source…; Piwik/Matomo pk_, mtm_; HubSpot hsa_; BBC at_medium…). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_'];

/**
 * "guid:…", else "link:" + normalized link, else "hash:" + sha1 of title and content.
 * A guid that is not globally unique (a URN or URL is; "12345" is not) is scoped to its feed,
 * so two sites numbering their items alike do not swallow each other's stories.
 * @example itemKey({ guid: null, link: 'https://Ex.com/a/?utm_source=x', ... }, feedUrl) // "link:https://ex.com/a"
 */
export function itemKey(item: FeedItem, feedUrl: string): string {
  const guid = item.guid?.trim();
  if (guid) return /^(urn:|tag:|https?:\/\/)/i.test(guid) ? `guid:${guid}` : `guid:${feedUrl}#${guid}`;
  const link = item.link?.trim();
  if (link) return `link:${normalizeLink(resolveAgainst(link, feedUrl))}`;
  const content = item.contentHtml ?? item.snippet ?? '';
  return `hash:${createHash('sha1').update(`${item.title}\n${content}`).digest('hex')}`;
}

/**
 * A URL in canonical form for comparison: lowercase scheme and host, no default port, no fragment,
 * no tracking parameters, remaining parameters sorted, no trailing slash except the root.
 * Returns the input trimmed when it is not a valid URL.
 * @example normalizeLink('HTTPS://Example.com:443/News/?b=2&utm_source=tw&a=1#top') // "https://example.com/News?a=1&b=2"
 */
export function normalizeLink(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  // URL already lowercases scheme and host and drops the default port.
  parsed.hash = '';
  parsed.search = normalizeQuery(parsed.search);
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  }
  return parsed.href;
}

/** Filter and sort the raw query, keeping each pair's original encoding (URLSearchParams would re-encode). */
function normalizeQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair && !isTracking(paramName(pair)));
  pairs.sort((a, b) => (paramName(a) < paramName(b) ? -1 : paramName(a) > paramName(b) ? 1 : 0));
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function isTracking(name: string): boolean {
  return TRACKING_PARAMS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Feeds sometimes give relative item links; they mean the same page as their absolute form. */
function resolveAgainst(link: string, base: string): string {
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}
