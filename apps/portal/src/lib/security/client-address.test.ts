import { describe, expect, it } from 'vitest';
import { createClientAddressResolver } from './client-address';

describe('createClientAddressResolver', () => {
  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    const resolve = createClientAddressResolver([]);
    expect(resolve('::ffff:127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
    expect(resolve(undefined, undefined)).toBe('unknown');
  });

  it('takes the nearest untrusted hop when the peer is a trusted proxy', () => {
    const resolve = createClientAddressResolver(['10.0.0.0/8', '::1']);
    expect(resolve('10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.7')).toBe('203.0.113.9');
    expect(resolve('::1', '203.0.113.9')).toBe('203.0.113.9');
    expect(resolve('10.0.0.2', '10.0.0.3')).toBe('10.0.0.3');
    expect(resolve('10.0.0.2', 'garbage, 203.0.113.9')).toBe('203.0.113.9');
    expect(resolve('10.0.0.2', '203.0.113.9, garbage')).toBe('10.0.0.2');
    expect(resolve('192.0.2.1', '203.0.113.9')).toBe('192.0.2.1');
  });

  it('refuses an entry that is neither an address nor a range', () => {
    expect(() => createClientAddressResolver(['proxy.internal'])).toThrow(/PORTAL_TRUSTED_PROXIES/);
  });
});
