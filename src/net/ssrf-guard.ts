/**
 * The SSRF guard: a feed URL a user gives must not make the bot fetch from inside its own network
 * (loopback, private ranges, link-local, CGNAT, cloud metadata at 169.254.169.254, and the IPv6
 * equivalents). The host is resolved and every address it resolves to is checked.
 */
import { BlockList, isIP } from 'node:net';
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

/**
 * Throw FetchError('blocked_address') unless every address `url`'s host resolves to is public.
 * @example await assertPublicUrl('http://169.254.169.254/latest/meta-data') // throws
 */
export async function assertPublicUrl(url: string, lookup: Lookup = defaultLookup): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const refuse = (address: string, reason: string) =>
    new FetchError(
      'blocked_address',
      `fetch: refused ${host}${address === host ? '' : ` (${address})`}: ${reason} address — only public addresses can be added; an operator can allow private ones with ALLOW_PRIVATE_FEEDS=true`,
      { url },
    );
  // Never ask DNS about these: the answer is local by definition (RFC 6761).
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    throw refuse(host, 'local host name');
  }
  if (isIP(host)) {
    const reason = blockedReason(host);
    if (reason) throw refuse(host, reason);
    return;
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host);
  } catch (err) {
    throw new FetchError('network', `fetch: cannot resolve ${host} (${(err as Error).message})`, { url });
  }
  if (addresses.length === 0) throw new FetchError('network', `fetch: ${host} has no address`, { url });
  for (const { address } of addresses) {
    const reason = blockedReason(address);
    if (reason) throw refuse(address, reason);
  }
}

const defaultLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::) IPv6 address. */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}
