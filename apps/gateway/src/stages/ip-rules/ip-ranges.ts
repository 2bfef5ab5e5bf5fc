import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

const MAPPED_V4 = '::ffff:';

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
  // [network, mask, network, mask, ...] as unsigned 32-bit integers.
  const v4Masks = new Uint32Array(v4.length * 2);
  v4.forEach(([address, bits], i) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    v4Masks[i * 2] = (ipv4ToInt(address as ipaddr.IPv4) & mask) >>> 0;
    v4Masks[i * 2 + 1] = mask;
  });
  return {
    size: v4.length + v6.length,
    has(ip) {
      // IPv4 (the common case) is matched as integers, without parsing into objects.
      const v4Address = parseIpv4(ip.startsWith(MAPPED_V4) ? ip.slice(MAPPED_V4.length) : ip);
      if (v4Address >= 0) {
        for (let i = 0; i < v4Masks.length; i += 2) {
          if (((v4Address & v4Masks[i + 1]!) >>> 0) === v4Masks[i]) return true;
        }
        return false;
      }
      if (v6.length === 0) return false;
      const address = parseClientIp(ip);
      if (address === null || address.kind() !== 'ipv6') return false;
      for (let i = 0; i < v6.length; i++) {
        if (address.match(v6[i]!)) return true;
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

function ipv4ToInt(address: ipaddr.IPv4): number {
  const [a, b, c, d] = address.octets as [number, number, number, number];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** A strict dotted quad (no leading zeros, no shorthand) as an unsigned integer; -1 otherwise. */
export function parseIpv4(ip: string): number {
  const length = ip.length;
  if (length < 7 || length > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? ip.charCodeAt(i) : 46;
    if (code === 46) {
      if (digits === 0 || octet > 255) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      if (i < length && ++dots > 3) return -1;
    } else if (code >= 48 && code <= 57) {
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + code - 48;
      if (++digits > 3) return -1;
    } else {
      return -1;
    }
  }
  return dots === 3 ? value : -1;
}
