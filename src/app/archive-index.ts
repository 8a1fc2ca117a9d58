/**
 * Reading the archive folder: the editions it holds (from their front matter) and index.md,
 * rewritten whenever an edition is archived.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { readFrontMatter, renderArchiveIndex, type ArchiveEntry } from '../render/render-archive-index.js';

const EDITION = /^\d{4}-\d{2}-\d{2}\.md$/;

/**
 * The editions in `dir`, newest first; files without front matter are skipped. [] when the folder does not exist.
 * @example await listArchive('./digests') // [{ date: '2026-11-24', stories: 3, figures: 12, file: '2026-11-24.md', created: '…' }]
 */
export async function listArchive(dir: string): Promise<ArchiveEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: ArchiveEntry[] = [];
  for (const file of names.filter((n) => EDITION.test(n))) {
    const meta = readFrontMatter(await fs.readFile(path.join(dir, file), 'utf8'));
    if (meta) entries.push({ ...meta, file });
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Rewrite `dir/index.md` from the editions in `dir`, in `locale` (English by default); returns its path.
 * @example await updateArchiveIndex('./digests') // 'digests/index.md'
 */
export async function updateArchiveIndex(dir: string, locale?: string): Promise<string> {
  const file = path.join(dir, 'index.md');
  await writeAtomically(file, renderArchiveIndex(await listArchive(dir), { locale }));
  return file;
}

/**
 * Write to a temporary name then rename, so a reader never sees half a file.
 * @example await writeAtomically('digests/index.md', text)
 */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  await fs.writeFile(tmp, content, typeof content === 'string' ? 'utf8' : undefined);
  await fs.rename(tmp, file);
}
