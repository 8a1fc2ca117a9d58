/**
 * The digest archive: `digests/YYYY-MM-DD.md` (readable on its own), its `.json` twin and its
 * picture card `.png`, and `digests/index.md` listing every edition.
 * A second edition on the same date replaces the first: the archive keeps the day's last word,
 * the database keeps every edition.
 */
import fs from 'node:fs/promises';
import type { Digest } from '../domain/types.js';
import { updateArchiveIndex } from './archive-index.js';
import { writeEdition, type EditionFiles } from './archive-edition.js';

/**
 * Write the edition's archive files in `locale` (the operator's LANGUAGE) and refresh index.md;
 * returns the edition's paths.
 * @example await archiveDigest('./digests', digest) // { markdown: 'digests/2026-11-24.md', json: '….json', card: '….png' }
 */
export async function archiveDigest(dir: string, digest: Digest, locale?: string): Promise<EditionFiles> {
  await fs.mkdir(dir, { recursive: true });
  const files = await writeEdition(dir, digest, locale);
  await updateArchiveIndex(dir, locale);
  return files;
}
