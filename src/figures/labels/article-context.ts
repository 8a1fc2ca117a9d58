/**
 * What label completion knows about the whole article: its headline's words and how often each content word
 * recurs. Hand-written labels name the story's subject ("Tory tax cuts", "Sony PSP", "BT broadband") more often
 * than the figure's clause does, and the story's subject is what the headline says and the text repeats.
 * Both are computed on first use, once per article.
 */
import { contentWords, countContentWords } from './content-words.js';
import type { Sentence } from '../sentences.js';

/** The article around a figure, as label completion reads it. */
export interface ArticleContext {
  /** The headline's content words (none when the text has no headline line). */
  headlineWords(): ReadonlySet<string>;
  /** Where the headline ends in the text: a figure before that is in the headline itself. */
  headlineEnd: number;
  /** How many times each content word occurs in the whole text, headline included. */
  count(word: string): number;
}

/** Headlines are short lines; a first "sentence" longer than this is body text (no headline given). */
const MAX_HEADLINE_CHARS = 200;

/**
 * The article context of `text` whose first sentence is `headline`.
 * @example articleContext("Sony PSP hits US\n\nThe PSP costs $250.", first).count("psp") // 2
 */
export function articleContext(text: string, headline: Sentence | undefined): ArticleContext {
  let headWords: ReadonlySet<string> | null = null;
  let counts: Map<string, number> | null = null;
  const isHeadline = headline !== undefined && headline.text.length <= MAX_HEADLINE_CHARS && text.slice(headline.end, headline.end + 2).includes('\n');
  return {
    headlineWords: () => (headWords ??= new Set(isHeadline ? contentWords(headline.text) : [])),
    headlineEnd: isHeadline ? headline.end : 0,
    count: (word) => {
      counts ??= countContentWords(text);
      return counts.get(word) ?? 0;
    },
  };
}
