/** A digest as plain text for a terminal: the layout of the Telegram message, without markup. */
import type { Digest } from '../domain/types.js';
import { countFigures, figureDisplayText, figureLabel, formatDigestDate, oneLine, plural, sourceLine } from './format-figure.js';

/**
 * Render for `keyfigures digest` / `npm run demo` on a terminal.
 * @example renderText(digest) // "KeyFigures · 24 Nov 2026 — 5 stories, 25 figures\n\n1. …"
 */
export function renderText(digest: Digest): string {
  const figures = countFigures(digest.stories);
  const lines = [
    `KeyFigures · ${formatDigestDate(digest.date)} — ${plural(digest.stories.length, 'story', 'stories')}, ${plural(figures, 'figure', 'figures')}`,
    '',
  ];
  if (digest.stories.length === 0) lines.push('No new stories with figures since the last digest.', '');
  for (const story of digest.stories) {
    lines.push(`${story.number}. ${oneLine(story.title)}`, `   ${sourceLine(story, digest.timezone)}`);
    for (const figure of story.figures) lines.push(`   • ${figureDisplayText(figure)} ${figureLabel(figure)}`);
    if (story.link) lines.push(`   ${story.link}`);
    lines.push('');
  }
  return lines.join('\n');
}
