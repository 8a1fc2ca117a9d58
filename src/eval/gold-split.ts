/**
 * The dev gold split: a third of the articles (by a hash of the id, so the split does not depend on
 * file order) is the report part, kept out of every tuning step; the rest is the tune part.
 * `npm run eval:split -- DIR` writes DIR/tune.jsonl and DIR/report.jsonl for
 * `node ../shared/tools/score-figures.mjs --gold DIR/report.jsonl`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which part of the dev gold an article belongs to. @example goldPart('business-427') */
export function goldPart(id: string): 'tune' | 'report' {
  const h = parseInt(createHash('sha1').update(id).digest('hex').slice(0, 8), 16);
  return h % 3 === 0 ? 'report' : 'tune';
}

/** Split a gold JSONL file's lines into the two parts. */
export function splitGold(jsonl: string): { tune: string[]; report: string[] } {
  const parts = { tune: [] as string[], report: [] as string[] };
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    parts[goldPart(String((JSON.parse(line) as { id: string }).id))].push(line);
  }
  return parts;
}

/**
 * What the trainers may learn from: the dev gold's tune part, and every training annotation of an article the dev
 * gold does not hold (so nothing of its report part, even when an article is annotated twice). Training files that
 * do not exist are skipped. `devIds` lets other training data (the fixture) apply the same guard.
 */
export function learnableGold<T extends { id: string }>(devFile: string, trainFiles: readonly string[]): { tune: T[]; train: T[]; devIds: Set<string> } {
  const lines = (file: string): T[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
  const dev = lines(devFile);
  const devIds = new Set(dev.map((g) => String(g.id)));
  const train = trainFiles.filter((f) => existsSync(f)).flatMap(lines).filter((g) => !devIds.has(String(g.id)));
  return { tune: dev.filter((g) => goldPart(String(g.id)) === 'tune'), train, devIds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'tmp/gold';
  const gold = process.argv[3] ?? '../shared/gold/figures-dev.jsonl';
  const parts = splitGold(readFileSync(gold, 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (const [name, lines] of Object.entries(parts)) writeFileSync(join(dir, `${name}.jsonl`), lines.join('\n') + '\n');
  console.log(`${dir}/tune.jsonl: ${parts.tune.length} articles; ${dir}/report.jsonl: ${parts.report.length} articles`);
}
