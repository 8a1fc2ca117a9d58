/**
 * Regression cases from the hostile-world probe (issue 15): what held then must keep holding.
 * Everything is fast and talks only to 127.0.0.1; DNS answers come from tables, never the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { FetchError } from '../../src/domain/errors.js';
import { fetchUrl } from '../../src/net/fetch-url.js';
import { CANT_USE, publicOnly, type Lookup } from '../../src/net/ssrf-guard.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(() => srv.close());

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

/** A resolver from a table; an unknown name does not exist. Never the network. */
const table = (answers: Record<string, string[]>): Lookup => async (host) => {
  const found = answers[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('hostile feed documents', () => {
  it('XXE: an external entity is never read', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>T &xxe;</title><item><title>A &xxe;</title><description>x &xxe;</description></item></channel></rss>`;
    const parsed = await parseFeed(xml).catch((e: Error) => e);
    expect(JSON.stringify(parsed instanceof Error ? parsed.message : parsed)).not.toMatch(/root:|\/bin\/(ba)?sh/);
  });

  it('entity bomb: nested entities are not expanded into a huge document', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>&l9;</title><item><title>x</title></item></channel></rss>`;
    const parsed = await parseFeed(xml).catch((e: Error) => e);
    expect(JSON.stringify(parsed instanceof Error ? parsed.message : parsed).length).toBeLessThan(100_000);
  });

  it('bidi overrides and NUL never reach a title (no title spoofing)', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire\u202E</title><item><title>Safe \u202Etxt.exe\u2066 \u0000news</title></item></channel></rss>`.replace('\u0000', '&#0;');
    const parsed = await parseFeed(xml.replace('&#0;', '')).catch((e: Error) => e);
    const withNul = await parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Nul\u0001 here</title></item></channel></rss>`).catch((e: Error) => e);
    expect(parsed).not.toBeInstanceOf(Error);
    const titles = [(parsed as { title: string | null }).title, ...(parsed as { items: Array<{ title: string }> }).items.map((i) => i.title)];
    if (!(withNul instanceof Error)) titles.push(...withNul.items.map((i) => i.title));
    for (const title of titles) expect(title ?? '').not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
  });
});

describe('hostile servers', () => {
  it('gzip bomb: 64 MiB of zeros in a small gzip body stops at the size cap', async () => {
    srv.route('/bomb', (_req, res) => {
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const err = await failure(fetchUrl(`${srv.url}/bomb`, { maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('too_large');
  });

  it('redirect loop: given up after the redirect limit', async () => {
    srv.route('/loop-a', { redirect: '/loop-b' });
    srv.route('/loop-b', { redirect: '/loop-a' });
    expect((await failure(fetchUrl(`${srv.url}/loop-a`))).code).toBe('too_many_redirects');
  });

  it('a redirect to file:// is the feed’s failure, never a read of a local file', async () => {
    srv.route('/to-passwd', { redirect: 'file:///etc/passwd' });
    const err = await failure(fetchUrl(`${srv.url}/to-passwd`));
    expect(err.code).toBe('bad_redirect');
  });
});

describe('SSRF disguises (guarded fetches)', () => {
  const names = table({
    'metadata.attacker.test': ['169.254.169.254'],
    'mapped.attacker.test': ['::ffff:127.0.0.1'],
    'six-to-four.attacker.test': ['2002:7f00:1::1'],
    'compat.attacker.test': ['::127.0.0.1'],
    'nat64.attacker.test': ['64:ff9b::a9fe:a9fe'],
    'mixed.attacker.test': ['93.184.215.14', '10.0.0.7'],
  });
  it.each([
    'http://2130706433/', // decimal 127.0.0.1
    'http://0177.0.0.1/', // octal
    'http://0x7f.0.0.1/', // hex
    'http://127.1/',
    'http://0/',
    'http://[::]/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[2002:7f00:1::1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost/',
    'http://localhost./',
    'http://LOCALHOST:8080/',
    'http://db.internal/',
    'http://printer.local/',
    'http://attacker@127.0.0.1/',
    'http://metadata.attacker.test/',
    'http://mapped.attacker.test/',
    'http://six-to-four.attacker.test/',
    'http://compat.attacker.test/',
    'http://nat64.attacker.test/',
    'http://mixed.attacker.test/',
    'http://no-such-name.attacker.test/',
  ])('%s is refused in the same words, nothing connected', async (url) => {
    const err = await failure(fetchUrl(url, { guard: publicOnly(names), timeoutMs: 2000 }));
    expect(['blocked_address', 'network']).toContain(err.code);
    expect(err.message).toBe(CANT_USE);
  });

  it('a redirect from an allowed hop to loopback is refused before it is requested', async () => {
    srv.route('/hop-to-inside', { redirect: `${srv.url}/inside` });
    srv.route('/inside', { body: 'secret' });
    const real = publicOnly(names);
    const guard = { assertPublicUrl: (u: string) => (u.endsWith('/hop-to-inside') ? Promise.resolve() : real.assertPublicUrl(u)), connectLookup: real.connectLookup };
    const before = srv.requests.length;
    expect((await failure(fetchUrl(`${srv.url}/hop-to-inside`, { guard }))).code).toBe('blocked_address');
    expect(srv.requests.slice(before).map((r) => r.path)).toEqual(['/hop-to-inside']);
  });

  it('DNS rebinding: public when checked, 127.0.0.1 when connecting — refused at connect', async () => {
    srv.route('/rebound', { body: 'inside' });
    let calls = 0;
    const rebinding: Lookup = async () => [{ address: calls++ === 0 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    const before = srv.requests.length;
    const err = await failure(fetchUrl(`http://rebind.attacker.test:${new URL(srv.url).port}/rebound`, { guard: publicOnly(rebinding), timeoutMs: 2000 }));
    expect(err.code).toBe('blocked_address');
    expect(srv.requests.length).toBe(before);
  });
});
