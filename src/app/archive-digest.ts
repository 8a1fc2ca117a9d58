/**
 * The digest archive: `digests/YYYY-MM-DD.md` (readable on its own) and its `.json` twin, and
 * `digests/index.md` listing every edition.
 * A second edition on the same date replaces the first: the archive keeps the day's last word,
 * the database keeps every edition.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Digest } from '../domain/types.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { digestToJson } from '../render/render-markdown.js';
import { updateArchiveIndex, writeAtomically } from './archive-index.js';

/**
 * Write the two archive files and refresh index.md; returns the edition's paths.
 * @example await archiveDigest('./digests', digest) // ['digests/2026-11-24.md', 'digests/2026-11-24.json']
 */
export async function archiveDigest(dir: string, digest: Digest): Promise<{ markdown: string; json: string }> {
  await fs.mkdir(dir, { recursive: true });
  const markdown = path.join(dir, `${digest.date}.md`);
  const json = path.join(dir, `${digest.date}.json`);
  await writeAtomically(markdown, renderMarkdown(digest));
  await writeAtomically(json, digestToJson(digest));
  await updateArchiveIndex(dir);
  return { markdown, json };
}
