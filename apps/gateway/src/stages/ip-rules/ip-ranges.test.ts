import { describe, expect, it } from 'vitest';
import { compileIpRanges, parseIpv4 } from './ip-ranges';

describe('compileIpRanges', () => {
  const ranges = compileIpRanges(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32', '::1', '::ffff:172.16.0.0/108']);

  it.each([
    ['10.1.2.3', true],
    ['11.0.0.1', false],
    ['192.168.1.7', true],
    ['192.168.1.8', false],
    ['2001:db8:1::5', true],
    ['2001:db9::1', false],
    ['::1', true],
    ['::2', false],
    // IPv4-mapped IPv6 clients match IPv4 rules, and mapped rules match IPv4 clients.
    ['::ffff:10.9.9.9', true],
    ['::ffff:11.0.0.1', false],
    ['172.16.3.4', true],
    ['172.32.0.1', false],
    ['::ffff:172.16.200.1', true],
    ['', false],
    ['not-an-ip', false],
    ['10.0.0.0/8', false],
  ])('%s -> %s', (ip, expected) => {
    expect(ranges.has(ip)).toBe(expected);
  });

  it('matches nothing when empty and refuses invalid entries', () => {
    expect(compileIpRanges([]).has('127.0.0.1')).toBe(false);
    expect(() => compileIpRanges(['10.0.0.0/33'])).toThrow();
    expect(() => compileIpRanges(['banana'])).toThrow();
  });
});

describe('parseIpv4', () => {
  it('reads strict dotted quads only', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('10.1.2.3')).toBe(0x0a010203);
    for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1..2.3', '1.2.3.', 'a.b.c.d', '::1', '']) expect(parseIpv4(bad)).toBe(-1);
  });
});
