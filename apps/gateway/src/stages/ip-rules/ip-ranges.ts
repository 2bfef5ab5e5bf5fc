import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A list of addresses and CIDR ranges, parsed once, matched against client addresses. */
export interface IpRanges {
  readonly size: number;
  /** True when `ip` (IPv4, IPv6 or IPv4-mapped IPv6) falls in one of the ranges; false for anything unparsable. */
  has(ip: string): boolean;
}

/**
 * Parses addresses and CIDRs (IPv4 and IPv6). An IPv4-mapped IPv6 range
 * (`::ffff:10.0.0.0/104`) is kept as the IPv4 range it names, and mapped client
 * addresses are matched as IPv4, so one rule covers both spellings. Throws on an
 * invalid entry (the config schema has already checked them).
 */
export function compileIpRanges(entries: readonly string[]): IpRanges {
  const v4: Range[] = [];
  const v6: Range[] = [];
  for (const entry of entries) {
    const [address, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : fullRange(ipaddr.parse(entry));
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      v4.push([(address as ipaddr.IPv6).toIPv4Address(), bits - 96]);
    } else {
      (address.kind() === 'ipv4' ? v4 : v6).push([address, bits]);
    }
  }
  return {
    size: v4.length + v6.length,
    has(ip) {
      const address = parseClientIp(ip);
      if (address === null) return false;
      const ranges = address.kind() === 'ipv4' ? v4 : v6;
      for (let i = 0; i < ranges.length; i++) {
        if (address.match(ranges[i]!)) return true;
      }
      return false;
    },
  };
}

function fullRange(address: ipaddr.IPv4 | ipaddr.IPv6): Range {
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/** Parses an address, turning IPv4-mapped IPv6 into IPv4; null when it is not an address. */
export function parseClientIp(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(ip);
  } catch {
    return null;
  }
}
