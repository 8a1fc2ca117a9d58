/**
 * DNS rebinding: a TTL-0 name answers a public address when the guard asks and 127.0.0.1 when the
 * connection is made. The guard must check the address actually connected to, on every hop, and
 * say nothing a user could map the private network with. Only 127.0.0.1 is ever connected to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/domain/errors.js';
import { fetchUrl } from '../../src/net/fetch-url.js';
import { CANT_USE, publicOnly, type Lookup, type PublicOnly } from '../../src/net/ssrf-guard.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
  srv.route('/feed', { body: '<rss version="2.0"><channel><title>inside</title></channel></rss>' });
});
afterAll(() => srv.close());

/** A resolver that answers `first` once per name, then 127.0.0.1 (the rebinding attacker's DNS). */
function rebinding(first = '93.184.215.14'): Lookup & { asked: string[] } {
  const seen = new Set<string>();
  const asked: string[] = [];
  const lookup = async (host: string) => {
    asked.push(host);
    const address = seen.has(host) ? '127.0.0.1' : first;
    seen.add(host);
    return [{ address, family: 4 }];
  };
  return Object.assign(lookup, { asked });
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

const port = () => new URL(srv.url).port;

describe('DNS rebinding', () => {
  it('refuses a name that passed the check but resolves to 127.0.0.1 when connecting', async () => {
    const lookup = rebinding();
    const before = srv.requests.length;
    const err = await failure(fetchUrl(`http://rebind.test:${port()}/feed`, { guard: publicOnly(lookup), timeoutMs: 2000 }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toBe(CANT_USE);
    expect(lookup.asked).toEqual(['rebind.test', 'rebind.test']); // the check, then the connection's own lookup
    expect(srv.requests.length).toBe(before); // nothing reached the inside
  });

  it('refuses a redirect hop to a rebinding name', async () => {
    srv.route('/out', { redirect: `http://hop.rebind.test:${port()}/feed` });
    const lookup = rebinding();
    const real = publicOnly(lookup);
    // The first hop is this loopback server standing in for a public one; every later hop is checked for real.
    const guard: PublicOnly = { assertPublicUrl: (url) => (url === `${srv.url}/out` ? Promise.resolve() : real.assertPublicUrl(url)), connectLookup: real.connectLookup };
    const before = srv.requests.length;
    const err = await failure(fetchUrl(`${srv.url}/out`, { guard, timeoutMs: 2000 }));
    expect(err.code).toBe('blocked_address');
    expect(srv.requests.slice(before).map((r) => r.path)).toEqual(['/out']);
  });

  it.each([
    ['a private address', '10.0.0.7'],
    ['an IPv4-compatible address', '::7f00:1'],
    ['a 6to4 address', '2002:7f00:1::1'],
    ['a NAT64 address', '64:ff9b::7f00:1'],
    ['the metadata service, IPv4-mapped', '::ffff:a9fe:a9fe'],
  ])('refuses at connect time a name resolving to %s', async (_what, address) => {
    const lookup: Lookup = async () => [{ address, family: address.includes(':') ? 6 : 4 }];
    const guard: PublicOnly = { assertPublicUrl: async () => undefined, connectLookup: publicOnly(lookup).connectLookup };
    const err = await failure(fetchUrl(`http://inside.test:${port()}/feed`, { guard, timeoutMs: 2000 }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toBe(CANT_USE);
  });

  it('says the same about a name that does not resolve, without resolver text (no DNS oracle)', async () => {
    const lookup: Lookup = async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const guard: PublicOnly = { assertPublicUrl: async () => undefined, connectLookup: publicOnly(lookup).connectLookup };
    const err = await failure(fetchUrl(`http://secret-db.corp.test:${port()}/`, { guard, timeoutMs: 2000 }));
    expect(err.message).toBe(CANT_USE);
    expect(err.message).not.toMatch(/ENOTFOUND|getaddrinfo|secret-db/);
  });

  it('does not echo socket errors of a guarded fetch (no port oracle)', async () => {
    const lookup: Lookup = async () => [{ address: '127.0.0.1', family: 4 }];
    // a connection that is allowed through (test double) to a closed port
    const closed = await startFixtureServer();
    const closedPort = new URL(closed.url).port;
    await closed.close();
    const guard: PublicOnly = {
      assertPublicUrl: async () => undefined,
      connectLookup: ((host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) =>
        void lookup(host).then((a) => (opts.all ? cb(null, a) : cb(null, a[0]!.address, 4)))) as unknown as PublicOnly['connectLookup'],
    };
    const err = await failure(fetchUrl(`http://closed.test:${closedPort}/`, { guard, timeoutMs: 2000 }));
    expect(err.code).toBe('network');
    expect(err.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\d{4,5}/);
  });
});
