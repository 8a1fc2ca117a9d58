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
  usage: 'summarize [FILE|-] [--json] [--all]',
  summary: 'Summarize one article (plain text or HTML) into its key figures.',
  details: [
    'FILE or - (stdin, the default when piped)',
    '--json   {"title","summary","text","figures":[{"text","value","kind","unit","label","sentence","start","end","approx"}]}',
    '--all    also every quantity recognized before ranking ("mentions")',
    'Offsets are UTF-16 positions in "text", the plain article text.',
  ],
  async run(args, { config }) {
    const { values, positionals } = parseOptions(args);
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

function figureLine(f: Figure): string {
  return `${f.text} — ${f.label} [${f.kind}${f.unit ? `, ${f.unit}` : ''}]`;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: { json: { type: 'boolean' }, all: { type: 'boolean' } }, allowPositionals: true });
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
