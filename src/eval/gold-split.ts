/**
 * The dev gold split: a third of the articles (by a hash of the id, so the split does not depend on
 * file order) is the report part, kept out of every tuning step; the rest is the tune part.
 * `npm run eval:split -- DIR` writes DIR/tune.jsonl and DIR/report.jsonl for
 * `node ../shared/tools/score-figures.mjs --gold DIR/report.jsonl`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'tmp/gold';
  const gold = process.argv[3] ?? '../shared/gold/figures-dev.jsonl';
  const parts = splitGold(readFileSync(gold, 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (const [name, lines] of Object.entries(parts)) writeFileSync(join(dir, `${name}.jsonl`), lines.join('\n') + '\n');
  console.log(`${dir}/tune.jsonl: ${parts.tune.length} articles; ${dir}/report.jsonl: ${parts.report.length} articles`);
}
