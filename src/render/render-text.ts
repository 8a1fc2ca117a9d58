/** A digest as plain text for a terminal: the layout of the Telegram message, without markup. */
import type { Digest } from '../domain/types.js';
import { conflictText, countFigures, figureDisplayText, figureLabel, formatDigestDate, oneLine, plural, sourceLine, sourcesText } from './format-figure.js';

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
    const many = sourcesText(story);
    if (many) lines.push(`   ${many}`);
    for (const figure of story.figures) lines.push(`   • ${figureDisplayText(figure)} ${figureLabel(figure)}`);
    for (const conflict of story.conflicts ?? []) lines.push(`   ⚠ ${conflictText(conflict)}`);
    if (story.link) lines.push(`   ${story.link}`);
    lines.push('');
  }
  return lines.join('\n');
}
