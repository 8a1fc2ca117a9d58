/**
 * Articles about the same story, from one feed or many, grouped into one cluster: same normalized
 * title or link, or enough shared headline/lead words (with shared figures as extra evidence).
 * Pure and near-linear: only pairs that an inverted index of their words shows could share enough
 * of them are compared (see candidatePairs), so a day of thousands of articles clusters in
 * milliseconds, with the same clusters as comparing every pair.
 */
import type { Article, Figure, FigureConflict } from '../domain/types.js';
import { normalizeLink } from '../feeds/item-key.js';

/** Options of {@link clusterStories}. */
export interface ClusterOptions {
  /** Share of the smaller article's title+lead words the two must share (default 0.5). */
  threshold?: number;
  /** Fewest shared title+lead words, whatever the share (default 3). */
  minShared?: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
const STOP = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'be', 'been', 'has',
  'have', 'had', 'says', 'said', 'say', 'with', 'by', 'from', 'as', 'its', 'it', 'that', 'this', 'after', 'over', 'into',
  'will', 'would', 'could', 'can', 'new', 'up', 'out', 'than', 'more', 'not', 'no', 'he', 'she', 'they', 'we', 'his', 'her',
  'their', 'our', 'who', 'which', 'what', 'about', 'also', 'one', 'two', 'first', 'last', 'year', 'years', 'week', 'day', 'news',
]);

/** Content words of a title and summary, lower-cased, crude plural and possessive folded ("soldiers" = "soldier"). */
export function storyWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(WORD)) {
    let w = m[0].replace(/['’]s$/, '');
    if (STOP.has(w) || w.length < 2) continue;
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.add(w);
  }
  return out;
}

function titleKey(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function linkKey(link: string): string {
  return normalizeLink(link).replace(/^https?:\/\/(www\.)?/i, '');
}

/** Figures of two articles that state the same number of the same kind ("303" and "303"). */
function sharedFigures(a: readonly Figure[], b: readonly Figure[]): number {
  let n = 0;
  for (const f of a) if (b.some((g) => g.kind === f.kind && g.unit === f.unit && g.value === f.value && f.value >= 10)) n++;
  return n;
}

/**
 * Whether two articles report the same story: shared title+lead words (at least `minShared`, and
 * at least `threshold` of the smaller set), each shared figure counting as one more shared word.
 * @example sameStory(reuters, ap) // true when both lead with "240 detainees freed in Geneva exchange"
 */
export function sameStory(a: Article, b: Article, opts: ClusterOptions = {}, words?: [Set<string>, Set<string>]): boolean {
  const [wa, wb] = words ?? [storyWords(`${a.title} ${a.summary}`), storyWords(`${b.title} ${b.summary}`)];
  let shared = 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  for (const w of small) if (large.has(w)) shared++;
  if (shared < 2) return false;
  shared += Math.min(2, sharedFigures(a.figures, b.figures));
  return shared >= (opts.minShared ?? 3) && shared / Math.max(1, small.size) >= (opts.threshold ?? 0.5);
}

/**
 * Group articles by story. Clusters keep the input order: the first article of each cluster is
 * the earliest in `articles` (pass them best first and the lead comes first).
 * @example clusterStories([bbcStory, reutersStory, other]).map((c) => c.length) // [2, 1]
 */
export function clusterStories(articles: readonly Article[], opts: ClusterOptions = {}): Article[][] {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  // Exact duplicates first: the same normalized title or link.
  const owner = new Map<string, number>();
  articles.forEach((a, i) => {
    const keys = [`t:${titleKey(a.title)}`];
    if (a.link) keys.push(`l:${linkKey(a.link)}`);
    for (const k of keys) {
      if (k === 't:') continue;
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else union(i, j);
    }
  });
  const words = articles.map((a) => storyWords(`${a.title} ${a.summary}`));
  // Clusters are the connected components of the sameStory pairs, whatever order the pairs are
  // tried in; a pair already joined needs no check.
  for (const [i, j] of candidatePairs(words, opts)) {
    if (find(i) === find(j)) continue;
    if (sameStory(articles[i] as Article, articles[j] as Article, opts, [words[i] as Set<string>, words[j] as Set<string>])) union(i, j);
  }
  const groups = new Map<number, Article[]>();
  articles.forEach((a, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g === undefined) groups.set(root, [a]);
    else g.push(a);
  });
  return [...groups.values()];
}

/**
 * The fewest words two articles must share for sameStory to hold when the smaller has `size`
 * words: at least 2, and shared figures add at most 2 to the count that `minShared` and
 * `threshold` judge.
 */
function wordsNeeded(size: number, opts: ClusterOptions): number {
  const byShare = Math.ceil((opts.threshold ?? 0.5) * Math.max(1, size) - 2 - 1e-9);
  return Math.max(2, (opts.minShared ?? 3) - 2, byShare);
}

/**
 * Index pairs (i < j) that share enough words for sameStory to hold, before figures and the
 * exact check: every pair that can pass is among them (prefix filtering, as in set-similarity
 * joins). Words are ordered rarest first across the articles; when the smaller article of a
 * pair must share k of its n words, one of them is among its first n − k + 1, so each article
 * looks up only those rare words in the inverted index, and counts what it shares with each
 * partner found. The common words ("government", "million") that make comparing every pair
 * quadratic are never looked up.
 * @example candidatePairs([new Set(['a', 'b']), new Set(['a', 'b', 'c'])]) // [[0, 1]]
 */
export function candidatePairs(words: ReadonlyArray<ReadonlySet<string>>, opts: ClusterOptions = {}): Array<[number, number]> {
  // Words as numbers, and each word's articles (its posting list).
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const tokens = words.map((set, i) => {
    const own: number[] = [];
    for (const w of set) {
      let id = ids.get(w);
      if (id === undefined) {
        id = postings.length;
        ids.set(w, id);
        postings.push([]);
      }
      postings[id]!.push(i);
      own.push(id);
    }
    return own;
  });
  // Rarest first (among equally rare words, the first seen): sorting rarity × n + id as plain numbers.
  const n = postings.length;
  const byRarity = (own: readonly number[]) => Float64Array.from(own, (t) => postings[t]!.length * n + t).sort();
  const pairs: Array<[number, number]> = [];
  const mine = new Int32Array(postings.length).fill(-1);
  const seen = new Int32Array(words.length).fill(-1);
  for (let i = 0; i < words.length; i++) {
    const own = tokens[i]!;
    const size = own.length;
    const need = wordsNeeded(size, opts);
    const prefix = size - need + 1;
    if (prefix <= 0) continue;
    for (const t of own) mine[t] = i;
    const rare = byRarity(own);
    for (let r = 0; r < prefix; r++) {
      for (const j of postings[rare[r]! % n]!) {
        // The smaller of a pair looks it up (on equal sizes, the earlier one): each pair once.
        if (seen[j] === i || j === i) continue;
        seen[j] = i;
        const other = tokens[j]!;
        if (other.length < size || (other.length === size && j < i)) continue;
        let shared = 0;
        for (const t of other) if (mine[t] === i) shared++;
        if (shared >= need) pairs.push(i < j ? [i, j] : [j, i]);
      }
    }
  }
  return pairs;
}

/** Words of a label that say what is counted ("prisoners", "war"), for matching figures across sources. */
function labelWords(label: string): Set<string> {
  return storyWords(label);
}

/**
 * Figures of the lead that other sources state differently for the same thing: same kind and
 * unit, labels sharing a word, both exact, values apart but within a factor of two ("303 vs 300").
 * A source that also states the lead's value agrees and raises no conflict.
 * @example figureConflicts(lead, [lead, other])[0].values.map((v) => v.text) // ["303", "300"]
 */
export function figureConflicts(lead: Article, leadFigures: readonly Figure[], cluster: readonly Article[]): FigureConflict[] {
  const out: FigureConflict[] = [];
  for (const f of leadFigures) {
    if (f.approx !== null) continue;
    const words = labelWords(f.label);
    const values: FigureConflict['values'] = [{ text: f.text, source: lead.source, articleId: lead.id }];
    for (const other of cluster) {
      if (other === lead || other.source === lead.source) continue;
      const same = other.figures.filter((g) => g.kind === f.kind && g.unit === f.unit && [...labelWords(g.label)].some((w) => words.has(w)));
      if (same.length === 0 || same.some((g) => g.value === f.value)) continue;
      const differing = same.find((g) => g.approx === null && g.value !== f.value && Math.max(g.value, f.value) <= 2 * Math.min(g.value, f.value));
      // Each differing value once: a second source stating the same other value adds nothing to
      // "300 vs 303" (every source is listed with the story anyway).
      if (differing !== undefined && !values.some((v) => v.source === other.source || v.text === differing.text)) {
        values.push({ text: differing.text, source: other.source, articleId: other.id });
      }
    }
    if (values.length > 1) out.push({ label: f.label, values });
  }
  return out;
}
