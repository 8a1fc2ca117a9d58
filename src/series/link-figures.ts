/**
 * The series matcher as production and the evaluation use it: two figures are one series when
 * their articles are one story thread and the figures mean the same thing. Pure.
 */
import type { Figure } from '../domain/types.js';
import { figureMeaning, withPhaseCount, type FigureMeaning } from './figure-meaning.js';
import { matchScore, type MatchOptions } from './match-figures.js';
import { sameThread, threadSignature, type ThreadOptions, type ThreadSignature } from './story-thread.js';

/** A figure ready to be linked: its value, meaning and its article's thread signature. */
export interface LinkableFigure {
  value: number;
  meaning: FigureMeaning;
  thread: ThreadSignature;
}

/** Tunables of the matcher. */
export interface LinkOptions extends MatchOptions {
  thread?: ThreadOptions;
}

/** The confidence a change is shown at by default (SERIES_MIN_CONFIDENCE); measured with `npm run eval:series`. */
export const DEFAULT_MIN_CONFIDENCE = 0.85;

/**
 * A figure of an article, prepared for linking.
 * @example linkable(article, article.figures[0])
 */
export function linkable(article: { title: string; text: string }, figure: Pick<Figure, 'text' | 'value' | 'kind' | 'unit' | 'label' | 'sentence'>, thread = threadSignature(article)): LinkableFigure {
  const meaning = withPhaseCount(figureMeaning(figure), article.text);
  // A figure whose sentence credits nobody is the lead's source's: "…, says the Nationwide".
  if (meaning.sources.length === 0) meaning.sources = thread.sources;
  return { value: figure.value, meaning, thread };
}

/**
 * How confident we are that `a` and `b` are the same quantity of the same story thread, in [0, 1];
 * 0 when the threads differ or a hard check fails.
 * @example linkConfidence(linkable(seed, fig303), linkable(phaseTwo, fig307)) // ≥ 0.5
 */
export function linkConfidence(a: LinkableFigure, b: LinkableFigure, opts: LinkOptions = {}): number {
  if (!sameThread(a.thread, b.thread, opts.thread)) return 0;
  return matchScore({ ...a, names: a.thread.names }, { ...b, names: b.thread.names }, opts).score;
}
