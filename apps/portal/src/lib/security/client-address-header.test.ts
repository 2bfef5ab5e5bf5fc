import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddressHeaderValue, readClientAddress } from './client-address-header';

describe('client address header', () => {
  it('reads back what the portal server set, and nothing a client forged', () => {
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: clientAddressHeaderValue('203.0.113.9') })).toBe('203.0.113.9');
    expect(readClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: clientAddressHeaderValue('203.0.113.9') }))).toBe('203.0.113.9');
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: 'guessed-key 203.0.113.9' })).toBe('unknown');
    expect(readClientAddress({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' })).toBe('unknown');
    expect(readClientAddress({})).toBe('unknown');
  });
});
