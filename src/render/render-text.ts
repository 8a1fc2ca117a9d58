/** A digest as plain text for a terminal: the layout of the Telegram message, without markup. */
import type { Digest } from '../domain/types.js';
import { conflictText, countsText, figureDisplayText, figureLabel, formatDigestDate, oneLine, sourceLine, sourcesText } from './format-figure.js';
import { translator } from '../i18n/translator.js';

/**
 * Render for `keyfigures digest` / `npm run demo` on a terminal.
 * @example renderText(digest) // "KeyFigures · 24 Nov 2026 — 5 stories, 25 figures\n\n1. …"
 */
export function renderText(digest: Digest, opts: { locale?: string } = {}): string {
  const tr = translator(opts.locale);
  const lines = [`${tr.t('digest-heading', { date: formatDigestDate(digest.date, tr.locale) })} — ${countsText(digest.stories, tr, 'digest-counts-line')}`, ''];
  if (digest.stories.length === 0) lines.push(tr.t('digest-empty'), '');
  for (const story of digest.stories) {
    lines.push(`${story.number}. ${oneLine(story.title) || tr.t('story-untitled')}`, `   ${sourceLine(story, digest.timezone, tr)}`);
    const many = sourcesText(story, tr);
    if (many) lines.push(`   ${many}`);
    for (const figure of story.figures) lines.push(`   • ${figureDisplayText(figure)} ${figureLabel(figure)}`);
    for (const conflict of story.conflicts ?? []) lines.push(`   ⚠ ${conflictText(conflict, tr)}`);
    if (story.link) lines.push(`   ${story.link}`);
    lines.push('');
  }
  return lines.join('\n');
}
