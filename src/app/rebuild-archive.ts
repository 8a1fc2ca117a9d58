/**
 * `keyfigures archive rebuild`: regenerate every `digests/YYYY-MM-DD.md`, `.json` and `.png`, and
 * index.md, from the digests stored in the database. As when they were first written, a date's
 * last edition is the one the archive keeps.
 */
import fs from 'node:fs/promises';
import type { Store } from '../store/store.js';
import { updateArchiveIndex } from './archive-index.js';
import { writeEdition } from './archive-edition.js';

/** What a rebuild wrote. */
export interface RebuildReport {
  /** Dates written (one set of files each). */
  editions: number;
  /** Editions in the database (a date with several keeps its last). */
  stored: number;
  index: string;
}

/**
 * Rewrite the archive from `store` into `dir`; `onEdition` is called after each date's files.
 * @example await rebuildArchive(store, './digests', (date) => progress.tick(date))
 */
export async function rebuildArchive(
  store: Pick<Store, 'listDigests' | 'getDigest'>,
  dir: string,
  onEdition?: (date: string) => void,
  locale?: string,
): Promise<RebuildReport> {
  const all = await store.listDigests();
  const lastOfDate = new Map<string, number>();
  for (const d of all) lastOfDate.set(d.date, d.id);
  await fs.mkdir(dir, { recursive: true });
  for (const [date, id] of lastOfDate) {
    const stored = await store.getDigest(id);
    if (!stored) continue;
    // The archive is written from the draft (no id): rebuilt files match the originals.
    const { id: _id, ...digest } = stored;
    await writeEdition(dir, digest, locale);
    onEdition?.(date);
  }
  return { editions: lastOfDate.size, stored: all.length, index: await updateArchiveIndex(dir, locale) };
}
