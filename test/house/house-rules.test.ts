/**
 * The house plan holds: pure stages import no adapter and no I/O, and only the store adapters
 * speak SQL (rules in .ci/dependency-rules.cjs, checked with dependency-cruiser over src/).
 */
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';

const ROOT = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const rules = require(path.join(ROOT, '.ci/dependency-rules.cjs'));

/** The rules, optionally also applied to a copy of the tree under `prefix` (for the fixtures). */
function forbidden(prefix = ''): unknown[] {
  const widen = (p: unknown) => (typeof p === 'string' && p.startsWith('^src/') ? `^(${prefix})?src/${p.slice(5)}` : p);
  return (rules.forbidden as Array<{ from: Record<string, unknown>; to: Record<string, unknown> }>).map((r) => ({
    ...r,
    from: { ...r.from, path: widen(r.from.path), pathNot: widen(r.from.pathNot) },
    to: { ...r.to, path: widen(r.to.path) },
  }));
}

async function violations(paths: string[], prefix = ''): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await cruise(paths, { ruleSet: { forbidden: forbidden(prefix) }, ...rules.options, validate: true } as never);
    const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(cwd);
  }
}

describe('house rules', { timeout: 60_000 }, () => {
  it('src/ breaks none of them', async () => {
    expect(await violations(['src'])).toEqual([]);
  });

  it('they catch a pure stage that reaches for the network or the database', async () => {
    const found = await violations(['test/house/fixtures'], 'test/house/fixtures/');
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pure-stage-imports-io-module: .*rogue-stage\.ts → (node:)?https$/),
        expect.stringMatching(/^store-port-without-sql: .*rogue-stage\.ts → node_modules\/better-sqlite3/),
      ]),
    );
  });
});
