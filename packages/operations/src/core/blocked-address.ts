import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side fetch must never reach: loopback, private networks, link-local
 * (which holds the cloud metadata endpoints 169.254.169.254 and fd00:ec2::254), carrier-grade
 * NAT (Alibaba's 100.100.100.200), multicast, reserved and documentation ranges, and the
 * IPv4-mapped and IPv4-compatible IPv6 forms that would smuggle any of those in.
 */
const BLOCKED: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 96, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const blocked = new BlockList();
for (const [network, prefix, family] of BLOCKED) blocked.addSubnet(network, prefix, family);

/** A list of addresses and CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `::1`). */
export function addressList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) throw new Error(`not an IP address or range: ${entry}`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** Why an address may not be fetched, or null when it may (an allowed entry wins over the block list). */
export function blockedReason(address: string, allowed?: BlockList): string | null {
  const family = isIP(address);
  if (family === 0) return `"${address}" is not an IP address`;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (allowed?.check(address, type)) return null;
  return blocked.check(address, type) ? `resolves to ${address}, a loopback, private, link-local or metadata address` : null;
}
