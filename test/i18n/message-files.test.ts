/**
 * The message files agree with each other and with the code: every message exists in every
 * language with the same variables, every id the code asks for exists, and every message is used.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse, Junk, Message, serializeExpression, Visitor, VariableReference } from '@fluent/syntax';
import { LOCALES, LOCALES_DIR } from '../../src/i18n/translator.js';
import { COMMANDS } from '../../src/bot/command-list.js';

const SRC = path.resolve(__dirname, '../../src');

interface Entry { variables: Set<string> }

class Variables extends Visitor {
  readonly names = new Set<string>();
  override visitVariableReference(node: VariableReference): void {
    this.names.add(serializeExpression(node));
  }
}

function readMessages(locale: string): { messages: Map<string, Entry>; junk: string[] } {
  const resource = parse(fs.readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), 'utf8'), {});
  const messages = new Map<string, Entry>();
  const junk: string[] = [];
  for (const entry of resource.body) {
    if (entry instanceof Junk) junk.push(entry.content.trim());
    if (entry instanceof Message) {
      const v = new Variables();
      v.visit(entry);
      messages.set(entry.id.name, { variables: v.names });
    }
  }
  return { messages, junk };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []);
}

const files = Object.fromEntries(LOCALES.map((l) => [l, readMessages(l)]));
const english = files.en!.messages;
const code = sourceFiles(SRC).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

describe('message files', () => {
  it.each(LOCALES)('%s.ftl parses cleanly', (locale) => {
    expect(files[locale]!.junk).toEqual([]);
    expect(files[locale]!.messages.size).toBeGreaterThan(10);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English messages, each with the same variables', (locale) => {
    const other = files[locale]!.messages;
    expect([...other.keys()].filter((id) => !english.has(id)), `only in ${locale}`).toEqual([]);
    expect([...english.keys()].filter((id) => !other.has(id)), `missing in ${locale}`).toEqual([]);
    for (const [id, entry] of english) expect([...other.get(id)!.variables].sort(), id).toEqual([...entry.variables].sort());
  });

  it('every message id the code asks for exists', () => {
    // Ids reach the translator as string literals: tr.t('id', …) or an id passed on, e.g. countsText(…, 'card-footer').
    const asked = [...code.matchAll(/\bt\(\s*'([a-z][a-z0-9-]*)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(10);
    expect([...new Set(asked)].filter((id) => !english.has(id))).toEqual([]);
  });

  it('every command of the menu has its description (≤ 256 characters, Telegram\'s limit) and usage line in every language', () => {
    // The command table names its messages by id rather than through t('…'): checked here.
    const ids = COMMANDS.flatMap((c) => [c.description, c.usage]);
    for (const locale of LOCALES) expect(ids.filter((id) => !files[locale]!.messages.has(id)), locale).toEqual([]);
    const descriptions = LOCALES.flatMap((l) => COMMANDS.map((c) => fs.readFileSync(path.join(LOCALES_DIR, `${l}.ftl`), 'utf8').match(new RegExp(`^${c.description} = (.*)$`, 'm'))?.[1] ?? ''));
    expect(descriptions.filter((d) => d.length === 0 || d.length > 256)).toEqual([]);
  });

  it('the bot conversation has no hard-coded English text (the operators\' /admin and OPML import excepted)', () => {
    // A reply, a returned notice, an edit or a button label written as an English literal.
    const literal = /(replyText\(ctx, |text: |return |edit\(ctx, [^,]+, [^,]+, )(['`"])[A-Z][a-z]+[ .]/;
    const offenders = sourceFiles(path.join(SRC, 'bot'))
      .filter((f) => !/(admin|opml-upload)\.ts$/.test(f))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').map((line, i) => ({ line, where: `${path.relative(SRC, f)}:${i + 1}` })))
      .filter(({ line }) => literal.test(line) && !/^\s*(\*|\/\/)/.test(line) && !line.includes('English: operators only'))
      .map(({ where, line }) => `${where} ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('every message is used by the code', () => {
    const unused = [...english.keys()].filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });
});
