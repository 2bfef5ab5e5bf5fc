import { describe, expect, it } from 'vitest';
import { normalizeHost } from './host-routers';

describe('normalizeHost', () => {
  it('lower-cases and drops the port and a trailing dot', () => {
    expect(normalizeHost('API.Example.com:8443')).toBe('api.example.com');
    expect(normalizeHost('api.example.com.')).toBe('api.example.com');
    expect(normalizeHost('localhost')).toBe('localhost');
  });

  it('keeps IPv6 literals whole', () => {
    expect(normalizeHost('[::1]:8080')).toBe('[::1]');
    expect(normalizeHost('[::1]')).toBe('[::1]');
  });
});
