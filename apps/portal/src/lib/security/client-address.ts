import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function trustList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(normalise(address));
    if (family === 0) throw new Error(`PORTAL_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(normalise(address), type);
    else list.addSubnet(normalise(address), Number(prefix), type);
  }
  return list;
}

/**
 * Who is on the other end of a request: the socket's peer, or, when that peer is a trusted
 * proxy, the nearest address in X-Forwarded-For that is not one of ours (read from the right,
 * since everything left of our own proxies is whatever the client chose to write).
 */
export function createClientAddressResolver(trustedProxies: readonly string[]) {
  const trusted = trustList(trustedProxies);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  return function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    let client = normalise(peer ?? '') || 'unknown';
    if (!isTrusted(client) || forwardedFor === undefined) return client;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normalise).reverse();
    for (const hop of hops) {
      if (isIP(hop) === 0) break;
      client = hop;
      if (!isTrusted(hop)) break;
    }
    return client;
  };
}
