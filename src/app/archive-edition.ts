/**
 * One edition's archive files: `YYYY-MM-DD.md`, its `.json` twin and, when the edition has
 * figures, its "day in numbers" card `YYYY-MM-DD.png`. Shared by archiving and rebuilding, so a
 * rebuild writes the very bytes the bot wrote.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Digest } from '../domain/types.js';
import { renderMarkdown, digestToJson } from '../render/render-markdown.js';
import { countFigures } from '../render/format-figure.js';
import { renderCard } from './picture/render-card-png.js';
import { writeAtomically } from './archive-index.js';

/** The files of one archived edition; `card` is null when the edition has no figures to show. */
export interface EditionFiles {
  markdown: string;
  json: string;
  card: string | null;
}

/**
 * Write the edition's files into `dir` (which must exist), in `locale` (English by default). A card
 * left by an earlier edition of the same date is removed when this one has no figures, so the files
 * never disagree.
 * @example await writeEdition('./digests', digest) // { markdown: 'digests/2026-11-24.md', json: …, card: 'digests/2026-11-24.png' }
 */
export async function writeEdition(dir: string, digest: Digest, locale?: string): Promise<EditionFiles> {
  const markdown = path.join(dir, `${digest.date}.md`);
  const json = path.join(dir, `${digest.date}.json`);
  const card = path.join(dir, `${digest.date}.png`);
  await writeAtomically(markdown, renderMarkdown(digest, { locale }));
  await writeAtomically(json, digestToJson(digest));
  if (countFigures(digest.stories) === 0) {
    await fs.rm(card, { force: true });
    return { markdown, json, card: null };
  }
  await writeAtomically(card, await renderCard(digest, { locale }));
  return { markdown, json, card };
}

/** The paths an edition was written to, for a message ("Archived: a.md, a.json, a.png"). */
export function editionPaths(files: EditionFiles): string[] {
  return [files.markdown, files.json, ...(files.card ? [files.card] : [])];
}
