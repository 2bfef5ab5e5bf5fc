import { describe, expect, it } from 'vitest';
import { detectSensitiveData, passesLuhn } from './sensitive-data';

describe('detectSensitiveData', () => {
  it('finds card numbers that pass Luhn, grouped or not, and nothing in other long numbers', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(detectSensitiveData('{"card":"4242 4242 4242 4242"}')).toEqual(['card']);
    expect(detectSensitiveData('{"pan":5555555555554444}')).toEqual(['card']);
    expect(detectSensitiveData('{"card":"4242424242424241"}')).toEqual([]);
    expect(detectSensitiveData('{"id":1234567890123,"ts":1733480000000,"zeros":"0000000000000000"}')).toEqual([]);
    expect(detectSensitiveData('{"amount":4242424242424242.5}')).toEqual([]);
  });
  it('finds emails and tokens', () => {
    expect(detectSensitiveData('{"owner":"ada@example.com"}')).toEqual(['email']);
    expect(detectSensitiveData('{"jwt":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}')).toEqual(['token']);
    expect(detectSensitiveData('authorization: Bearer abcdefghijklmnop1234')).toEqual(['token']);
    expect(detectSensitiveData('{"key":"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}')).toEqual(['token']);
    expect(detectSensitiveData('{"user":"ada@example.com","card":"4111-1111-1111-1111","auth":"Bearer 0123456789abcdef0123"}')).toEqual(['email', 'card', 'token']);
  });
  it('finds nothing in ordinary data', () => {
    expect(detectSensitiveData('{"orders":[{"id":"ord_123","total":1999,"currency":"EUR","at":"2026-12-06T10:00:00Z"}]}')).toEqual([]);
  });
});
