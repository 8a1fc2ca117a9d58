import { describe, expect, it } from 'vitest';
import { assertPublicUrl, blockedReason, type Lookup } from '../../src/net/ssrf-guard.js';
import { FetchError } from '../../src/domain/errors.js';

/** A resolver answering from a table: no DNS traffic. */
const table = (answers: Record<string, string[]>): Lookup => async (host) => {
  const addresses = answers[host];
  if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const noDns: Lookup = async (host) => {
  throw new Error(`unexpected DNS lookup of ${host}`);
};

async function refusal(url: string, lookup: Lookup = noDns): Promise<FetchError> {
  const err = await assertPublicUrl(url, lookup).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('blockedReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local / cloud metadata'],
    ['0.0.0.0', '"this network"'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique local (private)'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local / cloud metadata'],
    ['[::1]', 'loopback'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['2002:7f00:1::', '6to4'],
    ['2002:808:808::1', '6to4'],
    ['64:ff9b::7f00:1', 'NAT64'],
    ['64:ff9b::8.8.8.8', 'NAT64'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
  ])('%s is %s', (ip, reason) => {
    expect(blockedReason(ip)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) => {
    expect(blockedReason(ip)).toBeNull();
  });
});

describe('assertPublicUrl', () => {
  it.each([
    'http://localhost:8080/feed',
    'http://LOCALHOST/feed',
    'http://api.localhost/feed',
    'http://127.0.0.1/feed',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:3000/rss',
    'http://[::ffff:169.254.169.254]/',
    'http://10.0.0.5/rss',
  ])('refuses %s without asking DNS, naming the fix', async (url) => {
    const err = await refusal(url);
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('ALLOW_PRIVATE_FEEDS=true');
  });

  it('refuses a name when any of its addresses is private', async () => {
    const err = await refusal('https://feeds.example.test/rss', table({ 'feeds.example.test': ['93.184.215.14', '10.0.0.7'] }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain("this address can't be used");
    expect(err.message).not.toContain('10.0.0.7'); // no oracle: the address and its kind are not echoed
  });

  it('accepts a name whose addresses are all public', async () => {
    await expect(assertPublicUrl('https://feeds.example.test/rss', table({ 'feeds.example.test': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] }))).resolves.toBeUndefined();
  });

  it('reports a name that does not resolve as a network error, in the same words as a refusal and without resolver text', async () => {
    const err = await refusal('https://nowhere.example.test/', table({}));
    expect(err.code).toBe('network');
    expect(err.message).toBe((await refusal('http://10.0.0.5/rss')).message);
    expect(err.message).not.toMatch(/ENOTFOUND|getaddrinfo|nowhere/);
  });
});
