/** `keyfigures summarize [FILE|-]`: one article (plain text or HTML) → summary and key figures. */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import type { Figure } from '../domain/types.js';
import { UsageError } from '../domain/errors.js';
import { articleFromDocument } from '../app/article-from-document.js';
import { summarizeArticle } from '../figures/summarize.js';
import { findFigures } from '../figures/find-figures.js';

/** Summarize one article from a file or stdin. */
export const summarizeCommand: CliCommand = {
  name: 'summarize',
  usage: 'summarize [FILE|-] [--json] [--jsonl] [--all]',
  summary: 'Summarize one article (plain text or HTML) into its key figures.',
  details: [
    'FILE or - (stdin, the default when piped)',
    '--json   {"title","summary","text","figures":[{"text","value","kind","unit","label","sentence","start","end","approx"}]}',
    '--jsonl  batch: JSON lines {"id","title"?,"text"} on stdin → one line {"id",…as --json} each, in input order;',
    '         a bad line gets {"id","error"} and the rest go on (one process for a whole evaluation)',
    '--all    also every quantity recognized before ranking ("mentions")',
    'Offsets are UTF-16 positions in "text", the plain article text.',
  ],
  async run(args, { config }) {
    const { values, positionals } = parseOptions(args);
    if (values.jsonl) return summarizeJsonLines(positionals[0] ?? '-', { topK: config.topFigures, all: values.all === true });
    const file = positionals[0] ?? '-';
    if (positionals.length > 1) throw new UsageError('give one FILE (or - for stdin)');
    if (file === '-' && process.stdin.isTTY) throw new UsageError('no input: give a FILE, or pipe an article into stdin');
    const raw = file === '-' ? await readStdin() : await readFile(file);
    const { title, text } = articleFromDocument(raw);
    if (!text.trim()) throw new UsageError(`${file === '-' ? 'stdin' : file} holds no article text`);
    const summary = summarizeArticle({ title, text }, { topK: config.topFigures });
    if (values.json) {
      const out = values.all ? { ...summary, mentions: findFigures(summary.text) } : summary;
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`${summary.title}\n\n${summary.summary}\n\n`);
    for (const f of summary.figures) process.stdout.write(`• ${figureLine(f)}\n    “${f.sentence.trim()}”\n`);
    if (summary.figures.length === 0) process.stdout.write('(no figures found)\n');
    return 0;
  },
};

/**
 * Batch mode: one JSON line in, one JSON line out, in input order. A line that is not an object
 * with a string `text` is answered with `{"id","error"}` and the batch goes on.
 */
async function summarizeJsonLines(file: string, opts: { topK: number; all: boolean }): Promise<number> {
  const input = file === '-' ? process.stdin : (await import('node:fs')).createReadStream(file);
  const lines = (await import('node:readline')).createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    process.stdout.write(`${JSON.stringify(summarizeJsonLine(line, lineNo, opts))}\n`);
  }
  return 0;
}

/** The answer to one batch line. */
export function summarizeJsonLine(line: string, lineNo: number, opts: { topK: number; all: boolean }): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${lineNo}: not JSON` };
  }
  const obj = (input && typeof input === 'object' ? input : {}) as { id?: unknown; title?: unknown; text?: unknown };
  const id = obj.id ?? null;
  if (typeof obj.text !== 'string') return { id, error: `line ${lineNo}: "text" must be a string` };
  try {
    const doc = typeof obj.title === 'string' ? { title: obj.title, text: obj.text } : articleFromDocument(obj.text);
    const summary = summarizeArticle(doc, { topK: opts.topK });
    return opts.all ? { id, ...summary, mentions: findFigures(summary.text) } : { id, ...summary };
  } catch (err) {
    return { id, error: `line ${lineNo}: ${(err as Error).message}` };
  }
}

function figureLine(f: Figure): string {
  return `${f.text} — ${f.label} [${f.kind}${f.unit ? `, ${f.unit}` : ''}]`;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, all: { type: 'boolean' } }, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function readFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
