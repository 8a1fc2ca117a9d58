/**
 * Story threads across days: two articles belong to one thread when they share proper names and
 * title words ("Ukraine", "Russia", "prisoner", "exchange"). Pure; the signature is small enough
 * to keep with each article, so matching a new article never re-reads old texts.
 */
import { contentStems, entities } from './words.js';
import { sourcesOf } from './figure-meaning.js';

/** What a thread match compares: stems of the title, proper names of title and lead, content of title and lead. */
export interface ThreadSignature {
  title: string[];
  entities: string[];
  lead: string[];
  /** Every proper name of the whole text (at most 200): whose figures the article can speak of. */
  names: string[];
  /** Who the title and lead credit ("the Halifax has said"): the source of figures whose sentence names none. */
  sources: string[];
}

/** How much of the text after the title counts as the lead. */
const LEAD_CHARS = 600;

/**
 * The signature of an article: its title and the first ~600 characters of its text.
 * @example threadSignature({ title: 'Ukraine and Russia swap 390 prisoners', text: '…' }).entities // ['ukrain', 'russia', …]
 */
export function threadSignature(article: { title: string; text: string }): ThreadSignature {
  const lead = leadOf(article.text);
  return {
    title: contentStems(article.title),
    entities: entities(`${article.title}.\n${lead}`),
    lead: contentStems(`${article.title} ${lead}`),
    names: entities(article.text).slice(0, 200),
    sources: sourcesOf(`${article.title}. ${lead}`),
  };
}

/** The text's opening, cut at a sentence end past LEAD_CHARS when there is one nearby. */
function leadOf(text: string): string {
  if (text.length <= LEAD_CHARS) return text;
  const stop = text.slice(LEAD_CHARS, LEAD_CHARS + 300).search(/[.!?]\s/);
  return text.slice(0, stop < 0 ? LEAD_CHARS : LEAD_CHARS + stop + 1);
}

/** Thresholds of {@link sameThread}. */
export interface ThreadOptions {
  /** Shared title stems that alone make one thread (default 2). */
  titleWords?: number;
  /** Share of the smaller lead's stems two articles must share besides a shared name (default 0.2). */
  leadShare?: number;
}

/** How two signatures overlap: shared title stems, shared names, share of the smaller lead. */
export interface ThreadOverlap {
  title: number;
  entities: number;
  lead: number;
}

function shared(a: readonly string[], b: readonly string[]): number {
  const set = new Set(b);
  return a.reduce((n, x) => n + (set.has(x) ? 1 : 0), 0);
}

/**
 * The overlap of two signatures.
 * @example threadOverlap(sig(seed), sig(firstPhase)) // { title: 1, entities: 3, lead: 0.31 }
 */
export function threadOverlap(a: ThreadSignature, b: ThreadSignature): ThreadOverlap {
  const smaller = Math.max(1, Math.min(a.lead.length, b.lead.length));
  return { title: shared(a.title, b.title), entities: shared(a.entities, b.entities), lead: shared(a.lead, b.lead) / smaller };
}

/**
 * Whether two articles belong to one story thread: two shared title stems, or a shared name with
 * a shared title stem, or two shared names with leads that share a fifth of their words.
 * @example sameThread(threadSignature(seed), threadSignature(firstPhase)) // true
 */
export function sameThread(a: ThreadSignature, b: ThreadSignature, opts: ThreadOptions = {}): boolean {
  const o = threadOverlap(a, b);
  const leadShare = opts.leadShare ?? 0.2;
  if (o.title >= (opts.titleWords ?? 2)) return true;
  if (o.entities >= 1 && o.title >= 1) return true;
  return o.entities >= 2 && o.lead >= leadShare;
}
