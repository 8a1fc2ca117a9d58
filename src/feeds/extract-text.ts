/**
 * HTML → the plain text the figure engine reads. Structure survives as line breaks (so sentences
 * and paragraphs stay apart); markup, scripts and page chrome do not.
 */
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';

/** What {@link extractArticle} finds in a page. */
export interface ExtractedArticle {
  title: string | null;
  /** Plain text of the article body, paragraphs separated by blank lines. */
  text: string;
  byline: string | null;
  publishedTime: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
}

// Minimal structural view of the linkedom DOM: the project compiles without the DOM lib.
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
}
interface DomDocument {
  body: DomNode | null;
  documentElement: DomNode | null;
  head: (DomNode & { prepend(node: unknown): void }) | null;
  createElement(tag: string): DomElement & { setAttribute(name: string, value: string): void };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements whose content is never article text. */
const DROP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'TITLE', 'SELECT', 'BUTTON', 'VIDEO', 'AUDIO', 'MAP', 'MATH']);
/** Blocks that end a paragraph: a blank line after them. */
const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'DL', 'TABLE', 'PRE', 'FIGURE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'NAV', 'HR', 'ADDRESS', 'FORM', 'FIELDSET', 'DETAILS']);
/** Blocks that end a line: a single newline after them. */
const LINE = new Set(['BR', 'DIV', 'LI', 'TR', 'DT', 'DD', 'FIGCAPTION', 'CAPTION', 'SUMMARY', 'LEGEND', 'OPTION']);
/** Table cells sit on one line but must not glue their contents together. */
const CELL = new Set(['TD', 'TH']);

/**
 * Feed or article HTML → plain text: blocks become "\n\n" or "\n", inline tags vanish, entities
 * are decoded, whitespace collapses within lines.
 * @example htmlToText('<p>Sales rose <b>12%</b>&nbsp;to $4bn.</p><p>Next</p>') // "Sales rose 12% to $4bn.\n\nNext"
 */
export function htmlToText(html: string): string {
  if (!html.trim()) return '';
  const doc = parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const root = doc.body ?? doc.documentElement;
  return root ? nodeToText(root) : '';
}

/**
 * The main article of a web page, via Readability; null when no article is found.
 * @example extractArticle(pageHtml, 'https://news.example/2026/03/story')?.text
 */
export function extractArticle(html: string, url: string): ExtractedArticle | null {
  if (!/<[a-z]/i.test(html)) return null;
  try {
    return readArticle(parse(html), url);
  } catch {
    return null; // linkedom and Readability can trip over odd markup; to the caller that is "no article".
  }
}

/** Shorter than the shortest news brief worth a digest line. */
const MIN_ARTICLE_CHARS = 80;

/** A class or id naming an ad box: "ad", "ads", "advert", "sponsored", "ad-inline", "mpu-ad"; Readability keeps some of these. */
const AD_TOKEN = /^(ads?|advert|advertisement|advertising|sponsored|ad[-_].+|.+[-_]ad)$/i;
/** Never removed as ads: sites put "ads-enabled" and the like on the page wrappers. */
const KEEP = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

function readArticle(doc: DomDocument, url: string): ExtractedArticle | null {
  for (const el of Array.from(doc.querySelectorAll('script:not([type="application/ld+json"]), style, noscript, iframe, template'))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!KEEP.has(el.nodeName.toUpperCase()) && names.some((name) => AD_TOKEN.test(name))) el.remove();
  }
  // Readability resolves links against document.baseURI, which linkedom takes from <base href>.
  for (const el of Array.from(doc.querySelectorAll('base'))) el.remove();
  const base = doc.createElement('base');
  base.setAttribute('href', url);
  doc.head?.prepend(base);
  // Read the head before Readability, which rewrites the document as it goes.
  const canonicalUrl = resolve(attr(doc, 'link[rel="canonical"]', 'href') ?? attr(doc, 'meta[property="og:url"]', 'content'), url);
  const metaTime = attr(doc, 'meta[property="article:published_time"]', 'content') ?? attr(doc, 'meta[itemprop="datePublished"]', 'content');
  const article = new Readability(doc as never).parse();
  const text = htmlToText(article?.content ?? '');
  // Readability returns *something* for any page (a lone nav link); below this it is not an article.
  if (!article || text.length < MIN_ARTICLE_CHARS) return null;
  return {
    title: clean(article.title),
    text,
    byline: clean(article.byline),
    publishedTime: clean(article.publishedTime) ?? clean(metaTime),
    canonicalUrl,
    siteName: clean(article.siteName),
  };
}

function parse(html: string): DomDocument {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as DomDocument;
}

/** Text of a subtree. Breaks are pending until the next text, so trailing/duplicate breaks collapse. */
function nodeToText(root: DomNode): string {
  let out = '';
  let pendingBreak = 0; // 0 none, 1 newline, 2 blank line
  const emit = (text: string) => {
    if (pendingBreak && out) {
      out = out.trimEnd() + (pendingBreak === 2 ? '\n\n' : '\n');
      text = text.trimStart();
    } else if (out.endsWith(' ') || !out) {
      text = text.trimStart();
    }
    pendingBreak = 0;
    out += text;
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/[\s\u00a0]+/g, ' ');
      if (text.trim() || (text && out && !pendingBreak)) emit(text);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (DROP.has(name)) return;
    const isBlock = PARAGRAPH.has(name) ? 2 : LINE.has(name) ? 1 : 0;
    if (isBlock) pendingBreak = Math.max(pendingBreak, isBlock);
    if (CELL.has(name) && out && !out.endsWith(' ') && !pendingBreak) out += ' ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (isBlock) pendingBreak = Math.max(pendingBreak, isBlock);
  };
  walk(root);
  return out.replace(/[ ]+\n/g, '\n').trim();
}

function attr(doc: DomDocument, selector: string, name: string): string | null {
  return clean(doc.querySelector(selector)?.getAttribute(name));
}

function resolve(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}
