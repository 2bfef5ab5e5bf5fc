// Webhook targets are chosen by users, so the sender must not become a way into the
// private network (SSRF): https only, and every address the name resolves to must be
// public. With `allowInsecure` (TOLLGATE_ALLOW_INSECURE_WEBHOOKS=1, for local work and
// tests) plain http is allowed, and loopback addresses too, but still nothing else private.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { TollgateError } from '@tollgate/errors';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
function unmap(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export function isLoopbackAddress(address: string): boolean {
  const ip = unmap(address);
  return loopback.check(ip.address, ip.family);
}

/** True when a webhook may connect to this address. */
export function isAllowedWebhookAddress(address: string, allowInsecure: boolean): boolean {
  const ip = unmap(address);
  if (loopback.check(ip.address, ip.family)) return allowInsecure;
  return !blocked.check(ip.address, ip.family);
}

function refuse(detail: string): never {
  throw new TollgateError('invalid_params', { detail, invalidParams: [{ name: 'url', reason: detail }] });
}

/** Checks the URL's form (no DNS): scheme, no credentials, a host. */
export function parseWebhookUrl(value: string, allowInsecure: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(`"${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowInsecure)) {
    refuse(allowInsecure ? 'webhook URLs must use https or http' : 'webhook URLs must use https (set TOLLGATE_ALLOW_INSECURE_WEBHOOKS=1 for http to loopback)');
  }
  if (url.username || url.password) refuse('webhook URLs must not carry credentials');
  if (!url.hostname) refuse('webhook URL has no host');
  return url;
}

/**
 * Resolves a host and returns its addresses when every one of them is allowed; throws
 * otherwise. Plain http is only for loopback targets.
 */
export async function resolveWebhookHost(url: URL, allowInsecure: boolean): Promise<{ address: string; family: number }[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await dnsLookup(host, { all: true, verbatim: true }).catch(() => refuse(`cannot resolve ${host}`));
  if (addresses.length === 0) refuse(`cannot resolve ${host}`);
  for (const { address } of addresses) {
    if (!isAllowedWebhookAddress(address, allowInsecure)) refuse(`${host} resolves to ${address}, a private, loopback or reserved address`);
    if (url.protocol === 'http:' && !isLoopbackAddress(address)) refuse('plain http is only allowed to loopback addresses; use https');
  }
  return addresses;
}

/** Full check of a webhook URL, DNS included. */
export async function assertSafeWebhookUrl(value: string, allowInsecure: boolean): Promise<URL> {
  const url = parseWebhookUrl(value, allowInsecure);
  await resolveWebhookHost(url, allowInsecure);
  return url;
}
