/**
 * Words as the series matcher compares them: lower-cased, stemmed (Porter, `stemmer`), with
 * function words, numbers and calendar words dropped, and a few irregular news verbs folded
 * ("brought" = "bring"), so "prisoners of war brought home" and "prisoner brought home" agree.
 */
import { stemmer } from 'stemmer';

const WORD = /[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu;

/** Function words and reporting words: they say nothing about what is counted. */
const STOP = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'be', 'been', 'being',
  'has', 'have', 'had', 'says', 'said', 'say', 'told', 'with', 'by', 'from', 'as', 'its', 'it', 'that', 'this', 'these', 'those',
  'after', 'over', 'into', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'up', 'out', 'than', 'more', 'less',
  'not', 'no', 'he', 'she', 'they', 'we', 'his', 'her', 'their', 'our', 'who', 'which', 'what', 'about', 'also', 'some',
  'all', 'so', 'if', 'when', 'where', 'while', 'there', 'here', 'then', 'just', 'only', 'now', 'still', 'even', 'since',
  'between', 'during', 'per', 'cent', 'percent', 'percentage', 'point', 'points', 'around', 'almost', 'nearly', 'some',
  'least', 'most', 'other', 'another', 'such', 'each', 'every', 'both', 'many', 'much', 'further', 'new', 'first',
  'second', 'third', 'last', 'final', 'latest', 'next', 'previous', 'earlier', 'later', 'according', 'including', 'compared',
  'do', 'does', 'did', 'get', 'got', 'make', 'made', 'expected', 'total', 'figure', 'figures', 'number', 'numbers', 'level',
  'levels', 'high', 'higher', 'highest', 'low', 'lower', 'lowest', 'record', 'mr', 'mrs', 'ms', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'bn', 'm', 'k',
  'dozen', 'half', 'quarterly', 'annual', 'monthly', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days',
]);

/** Calendar words: when, not what. */
const CALENDAR = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|today|yesterday|tomorrow|weekend)$/;

/** Irregular past forms of verbs that news figures hang on, folded to the base form before stemming. */
const IRREGULAR: Record<string, string> = {
  brought: 'bring', freed: 'free', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', held: 'hold', took: 'take', taken: 'take',
  won: 'win', lost: 'lose', sold: 'sell', paid: 'pay', grew: 'grow', grown: 'grow', spent: 'spend', left: 'leave', sent: 'send',
  fled: 'flee', struck: 'strike', hit: 'hit', cut: 'cut', shot: 'shoot', built: 'build', bought: 'buy', people: 'person',
  children: 'child', men: 'man', women: 'woman',
};

/** The stem the matcher compares for one lower-case word. @example stemWord('prisoners') // 'prison' */
export function stemWord(lower: string): string {
  const w = lower.replace(/['’]s$/, '').replace(/['’]/g, '');
  return stemmer(IRREGULAR[w] ?? w);
}

/**
 * Content stems of a phrase, in order, each once: no function, calendar or number words.
 * @example contentStems('prisoners of war brought home on Friday') // ['prison', 'war', 'bring', 'home']
 */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w) || CALENDAR.test(w)) continue;
    const s = stemWord(w);
    if (s.length > 1 && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A proper name or acronym found in a text: its stem and where it starts. */
export interface EntityMention {
  stem: string;
  index: number;
}

/**
 * Proper names and acronyms of a text: capitalised words not opening a sentence (or opening one
 * but capitalised elsewhere too), lower-cased and stemmed; calendar words left out.
 * @example entityMentions('Ukraine freed 303 prisoners held by Russia.').map((e) => e.stem) // ['ukrain', 'russia']
 */
export function entityMentions(text: string): EntityMention[] {
  const capitalisedMidSentence = new Set<string>();
  const found: Array<{ word: string; opens: boolean; index: number }> = [];
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const between = text.slice(prevEnd < 0 ? 0 : prevEnd, m.index);
    const opens = prevEnd < 0 || /[.!?:\n"“]\s*$/.test(between);
    prevEnd = m.index + word.length;
    if (!/^\p{Lu}/u.test(word)) continue;
    found.push({ word, opens, index: m.index });
    if (!opens) capitalisedMidSentence.add(word);
  }
  const out: EntityMention[] = [];
  for (const { word, opens, index } of found) {
    const acronym = word.length > 1 && word === word.toUpperCase();
    if (opens && !acronym && !capitalisedMidSentence.has(word)) continue;
    const lower = word.toLowerCase();
    if (CALENDAR.test(lower) || STOP.has(lower)) continue;
    out.push({ stem: nameKey(stemWord(lower)), index });
  }
  return out;
}

/** Names fold to their first five letters so "Russia"/"Russian" and "Germany"/"Germans" agree. */
function nameKey(stem: string): string {
  return stem.length > 5 ? stem.slice(0, 5) : stem;
}

/** The distinct entity stems of a text (see {@link entityMentions}). @example entities('Ukraine and Russia') // ['ukrain', 'russia'] */
export function entities(text: string): string[] {
  return [...new Set(entityMentions(text).map((e) => e.stem))];
}
