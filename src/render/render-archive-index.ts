/**
 * The archive's table of contents, `digests/index.md`: one row per edition, newest first, linking
 * to its `.md`. The counts come from each edition's front matter, so the index needs no database.
 */
import { formatDigestDate } from './format-figure.js';
import { translator } from '../i18n/translator.js';

/** One archived edition as the index lists it. */
export interface ArchiveEntry {
  date: string;
  /** ISO time the edition was built (front matter `created`), or null when absent. */
  created: string | null;
  stories: number;
  figures: number;
  /** File name of the Markdown edition, e.g. "2026-11-24.md". */
  file: string;
}

/**
 * The counts in an archive file's YAML front matter, or null when it has none.
 * @example readFrontMatter('---\ndate: "2026-11-24"\nstories: 3\nfigures: 12\n---\n…') // { date: '2026-11-24', created: null, stories: 3, figures: 12 }
 */
export function readFrontMatter(markdown: string): Omit<ArchiveEntry, 'file'> | null {
  const block = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(markdown)?.[1];
  if (block === undefined) return null;
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(block)?.[1]?.trim();
  const text = (v: string | undefined) => (v === undefined ? null : v.startsWith('"') ? (JSON.parse(v) as string) : v);
  const date = text(field('date'));
  if (!date) return null;
  return { date, created: text(field('created')), stories: Number(field('stories') ?? 0), figures: Number(field('figures') ?? 0) };
}

/**
 * index.md: a title and a table of editions, newest first.
 * @example renderArchiveIndex([{ date: '2026-11-24', created: null, stories: 3, figures: 12, file: '2026-11-24.md' }])
 */
export function renderArchiveIndex(entries: readonly ArchiveEntry[], opts: { locale?: string } = {}): string {
  const tr = translator(opts.locale);
  const sorted = [...entries].sort((a, b) => b.date.localeCompare(a.date));
  const rows = sorted.map((e) => `| [${formatDigestDate(e.date, tr.locale)}](${e.file}) | ${e.stories} | ${e.figures} |`);
  const head = `| ${tr.t('archive-column-edition')} | ${tr.t('archive-column-stories')} | ${tr.t('archive-column-figures')} |`;
  const table = rows.length > 0 ? [head, '|---|---:|---:|', ...rows].join('\n') : `_${tr.t('archive-empty')}_`;
  return `# ${tr.t('archive-title')}\n\n${tr.t('archive-intro', { count: sorted.length })}\n\n${table}\n`;
}
