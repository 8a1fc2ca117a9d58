/**
 * The digest archive: `digests/YYYY-MM-DD.md` for people (readable on GitHub) and its JSON twin
 * for machines. Both carry every figure's source sentence so each number stays traceable.
 */
import type { Digest, Figure, Story } from '../domain/types.js';
import { safeHttpUrl } from './escape-html.js';
import { conflictText, countFigures, figureDisplayText, figureLabel, formatDigestDate, oneLine, sourceLine, sourcesText } from './format-figure.js';
import { translator, type Translator } from '../i18n/translator.js';

/**
 * Feed text made inert in Markdown: inline syntax (emphasis, code, links, HTML, GitHub math `$`,
 * tables, strikethrough, entity-like `&`) and block markers at the start of the text are escaped.
 * @example escapeMarkdown('# 5 *big* [deals]') // '\\# 5 \\*big\\* \\[deals\\]'
 */
export function escapeMarkdown(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]<>$|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(#|>|[-+]\s|=+$)/, '\\$1')
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3');
}

/** A URL safe inside `(…)`: parentheses and spaces percent-encoded (safeHttpUrl already encoded the rest). */
function markdownHref(href: string): string {
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

function footnoteId(story: Story, index: number): string {
  return `${story.number}-${index + 1}`;
}

function figureItem(story: Story, figure: Figure, index: number): string {
  const label = figureLabel(figure);
  const note = oneLine(figure.sentence) ? `[^${footnoteId(story, index)}]` : '';
  return `- **${escapeMarkdown(figureDisplayText(figure))}**${label ? ` — ${escapeMarkdown(label)}` : ''}${note}`;
}

function storySection(story: Story, timezone: string, tr: Translator): string {
  const title = escapeMarkdown(story.title) || tr.t('story-untitled');
  const href = safeHttpUrl(story.link);
  const parts = [
    `## ${story.number}. ${href ? `[${title}](${markdownHref(href)})` : title}`,
    `*${escapeMarkdown(sourceLine(story, timezone, tr))}*`,
  ];
  const many = sourcesText(story, tr);
  if (many) parts[1] = `${parts[1]} · *${escapeMarkdown(many)}*`;
  if (story.figures.length > 0) parts.push(story.figures.map((f, i) => figureItem(story, f, i)).join('\n'));
  if (story.conflicts && story.conflicts.length > 0) parts.push(story.conflicts.map((c) => `- ⚠ ${escapeMarkdown(conflictText(c, tr))}`).join('\n'));
  const summary = escapeMarkdown(story.summary);
  if (summary) parts.push(summary);
  // Footnotes keep each number one click from the sentence it came from (GitHub renders them).
  const notes = story.figures
    .map((f, i) => (oneLine(f.sentence) ? `[^${footnoteId(story, i)}]: ${escapeMarkdown(f.sentence)}` : ''))
    .filter(Boolean);
  if (notes.length > 0) parts.push(notes.join('\n'));
  return parts.join('\n\n');
}

/**
 * The archive file: YAML front matter (date, timezone, created, stories, figures), a title, the
 * picture card (`YYYY-MM-DD.png`, written beside it) when there are figures, and per story a linked heading, source · date, figure bullets, summary and source-sentence footnotes.
 * @example fs.writeFileSync(`digests/${digest.date}.md`, renderMarkdown(digest))
 */
export function renderMarkdown(digest: Digest, opts: { locale?: string } = {}): string {
  const tr = translator(opts.locale);
  const frontMatter = [
    '---',
    `date: ${JSON.stringify(digest.date)}`,
    `timezone: ${JSON.stringify(digest.timezone)}`,
    `created: ${JSON.stringify(digest.createdAt.toISOString())}`,
    `stories: ${digest.stories.length}`,
    `figures: ${countFigures(digest.stories)}`,
    '---',
  ].join('\n');
  const title = `# ${escapeMarkdown(tr.t('digest-heading', { date: formatDigestDate(digest.date, tr.locale) }))}`;
  // The archive writes the edition's picture card beside this file when there are figures to show.
  const card = countFigures(digest.stories) > 0 ? `![${escapeMarkdown(tr.t('card-title'))}](${digest.date}.png)\n\n` : '';
  const body = digest.stories.length > 0
    ? digest.stories.map((s) => storySection(s, digest.timezone, tr)).join('\n\n')
    : `_${escapeMarkdown(tr.t('digest-empty'))}_`;
  return `${frontMatter}\n\n${title}\n\n${card}${body}\n`;
}

function figureJson(f: Figure): Record<string, unknown> {
  return {
    text: f.text, value: f.value, ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
    kind: f.kind, unit: f.unit, label: f.label, sentence: f.sentence,
    start: f.start, end: f.end, approx: f.approx, ...(f.score !== undefined ? { score: f.score } : {}),
  };
}

/**
 * The machine-readable twin of {@link renderMarkdown}: pretty JSON with fixed key order and every
 * figure's text, value, kind, unit, label, sentence, offsets and qualifier.
 * @example fs.writeFileSync(`digests/${digest.date}.json`, digestToJson(digest))
 */
export function digestToJson(digest: Digest): string {
  const doc = {
    ...(digest.id !== undefined ? { id: digest.id } : {}),
    date: digest.date,
    timezone: digest.timezone,
    createdAt: digest.createdAt.toISOString(),
    stories: digest.stories.map((s) => ({
      number: s.number, articleId: s.articleId, title: s.title, link: s.link, source: s.source,
      publishedAt: s.publishedAt?.toISOString() ?? null, summary: s.summary, figures: s.figures.map(figureJson),
      ...(s.sources !== undefined ? { sources: s.sources } : {}), ...(s.conflicts !== undefined ? { conflicts: s.conflicts } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
