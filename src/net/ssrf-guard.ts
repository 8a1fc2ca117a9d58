/**
 * The SSRF guard: a feed URL a user gives (and any article page a feed links to) must not make
 * the bot fetch from inside its own network (loopback, private ranges, link-local, CGNAT, cloud
 * metadata at 169.254.169.254, and the IPv6 forms that reach them: mapped, IPv4-compatible, 6to4,
 * NAT64, Teredo). Checked twice per request and per redirect hop: the URL before asking (a
 * literal address or local name is refused without DNS), and the address the connection is
 * actually made to, resolved by the connection itself (`publicOnly().connectLookup`) — a TTL-0
 * name that answers public first and 127.0.0.1 second is refused at connect time.
 *
 * What a user sees never says why beyond "this address can't be used": no resolver text, no
 * address, no reason, so the guard is not a DNS or port oracle into the private network.
 */
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { FetchError } from '../domain/errors.js';

/** Resolves a host name to all its addresses (dns.lookup's shape); injectable for tests. */
export type Lookup = (host: string) => Promise<Array<{ address: string; family: number }>>;

const RANGES: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', '"this network"'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local / cloud metadata'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['::', 96, 'ipv6', 'IPv4-compatible'],
  ['2002::', 16, 'ipv6', '6to4'],
  ['2001::', 32, 'ipv6', 'Teredo'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['64:ff9b:1::', 48, 'ipv6', 'local-use NAT64'],
  ['::ffff:0:0:0', 96, 'ipv6', 'IPv4-translated'],
  ['fc00::', 7, 'ipv6', 'unique local (private)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['100::', 64, 'ipv6', 'discard'],
];

const LISTS = RANGES.map(([net, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, type, reason };
});

/**
 * Why an IP address must not be fetched from for a user, or null when it is public.
 * @example blockedReason('169.254.169.254') // "link-local / cloud metadata"
 */
export function blockedReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) return blockedReason(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find((r) => r.type === type && r.list.check(ip, type))?.reason ?? null;
}

/** What a guarded fetch says when an address is refused or does not resolve: the same words either way. */
export const CANT_USE = "fetch: this address can't be used — only public web addresses can be fetched (an operator can allow private ones with ALLOW_PRIVATE_FEEDS=true)";

/**
 * Throw FetchError('blocked_address') unless every address `url`'s host resolves to is public
 * (an unresolvable name: FetchError('network'), with the same message).
 * @example await assertPublicUrl('http://169.254.169.254/latest/meta-data') // throws
 */
export async function assertPublicUrl(url: string, lookup: Lookup = defaultLookup): Promise<void> {
  // 'localhost.' is localhost: a trailing dot only says the name is absolute.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();
  const refuse = () => new FetchError('blocked_address', CANT_USE, { url });
  // Never ask DNS about these: the answer is local by definition (RFC 6761).
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) throw refuse();
  if (isIP(host)) {
    if (blockedReason(host)) throw refuse();
    return;
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host);
  } catch {
    throw new FetchError('network', CANT_USE, { url });
  }
  if (addresses.length === 0) throw new FetchError('network', CANT_USE, { url });
  if (addresses.some(({ address }) => blockedReason(address))) throw refuse();
}

/** Thrown by a guarded connection's lookup: the name resolved to an address that must not be used. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'EKFREFUSED';
}

/** The guard fetchUrl applies: the URL check before each hop and the lookup each connection makes. */
export interface PublicOnly {
  assertPublicUrl(url: string): Promise<void>;
  /** For node:net's `lookup` option: resolves with `lookup`, fails unless every address is public. */
  connectLookup: LookupFunction;
}

/**
 * The SSRF guard for fetchUrl's `guard` option; `lookup` is injectable for tests (a resolver that rebinds).
 * @example await fetchUrl(url, { guard: publicOnly() })
 */
export function publicOnly(lookup: Lookup = defaultLookup): PublicOnly {
  const connectLookup = ((hostname: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void) => {
    lookup(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const addresses = found.filter((a) => family === 0 || a.family === family);
        if (addresses.length === 0) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }));
        if (found.some((a) => blockedReason(a.address))) return callback(new RefusedAddressError('refused address'));
        if (options.all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: unknown) => callback(err),
    );
  }) as unknown as LookupFunction;
  return { assertPublicUrl: (url) => assertPublicUrl(url, lookup), connectLookup };
}

const defaultLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * The IPv4 address inside an IPv4-mapped address (::ffff:a.b.c.d, also written ::ffff:7f00:1),
 * which reaches that IPv4 address; the other forms that embed one (IPv4-compatible, 6to4, NAT64,
 * Teredo) are refused as ranges.
 */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}
