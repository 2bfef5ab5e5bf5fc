import { describe, expect, it } from 'vitest';
import { parseGatewayEnv } from './env';

describe('parseGatewayEnv', () => {
  it('fills the documented defaults and freezes the result', () => {
    const env = parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://db/x',
      GATEWAY_PORT: 8080,
      GATEWAY_ADMIN_PORT: 9090,
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_ADMIN_HOST: '127.0.0.1',
      GATEWAY_SNAPSHOT_PATH: '.data/gateway-snapshot.bin',
      LOG_LEVEL: 'info',
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('reads numbers from strings, treats empty values as unset, and lets overrides win', () => {
    const env = parseGatewayEnv({ GATEWAY_ADMIN_PORT: 0 }, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORT: '8181', GATEWAY_ADMIN_PORT: '9191', REDIS_URL: '' });
    expect(env).toMatchObject({ GATEWAY_PORT: 8181, GATEWAY_ADMIN_PORT: 0 });
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('fails with one line naming each bad variable', () => {
    expect(() => parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/^invalid environment: GATEWAY_PORT: .*; LOG_LEVEL: /);
  });

  it('reads the portal origins as a comma-separated list of origins, and refuses what is not an http(s) URL', () => {
    const env = parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORTAL_ORIGINS: 'https://portal.example.com/, http://127.0.0.1:3000' });
    expect(env.GATEWAY_PORTAL_ORIGINS).toEqual(['https://portal.example.com', 'http://127.0.0.1:3000']);
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' }).GATEWAY_PORTAL_ORIGINS).toEqual([]);
    expect(() => parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORTAL_ORIGINS: 'portal.example.com' })).toThrow(/GATEWAY_PORTAL_ORIGINS/);
  });

  it('reads GATEWAY_RATELIMIT_HEADERS as draft, legacy or both (the default), and refuses anything else', () => {
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' }).GATEWAY_RATELIMIT_HEADERS).toBe('both');
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_RATELIMIT_HEADERS: 'draft' }).GATEWAY_RATELIMIT_HEADERS).toBe('draft');
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_RATELIMIT_HEADERS: '' }).GATEWAY_RATELIMIT_HEADERS).toBe('both');
    expect(() => parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_RATELIMIT_HEADERS: 'draft-6' })).toThrow(/GATEWAY_RATELIMIT_HEADERS/);
  });
});
