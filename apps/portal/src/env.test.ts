import { describe, expect, it } from 'vitest';
import { parsePortalEnv } from './env';

describe('parsePortalEnv', () => {
  it('fills in the documented defaults', () => {
    const env = parsePortalEnv({ NEXTAUTH_SECRET: 's3cret' });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/tollgate',
      PORTAL_PORT: 3000,
      PORTAL_HOST: '127.0.0.1',
      AUTH_SECRET: 's3cret',
      AUTH_SECRET_SOURCE: 'env',
      SECURE_COOKIES: false,
      GATEWAY_PUBLIC_URL: 'http://localhost:8080',
    });
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('treats empty variables as unset and accepts AUTH_SECRET as the secret', () => {
    const env = parsePortalEnv({ DATABASE_URL: '', PORTAL_PORT: '', NEXTAUTH_SECRET: '', AUTH_SECRET: 'alias' });
    expect(env.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/tollgate');
    expect(env.PORTAL_PORT).toBe(3000);
    expect(env.AUTH_SECRET).toBe('alias');
  });

  it('derives the gateway URL from GATEWAY_PORT unless GATEWAY_PUBLIC_URL is set', () => {
    expect(parsePortalEnv({ AUTH_SECRET: 'x', GATEWAY_PORT: '9000' }).GATEWAY_PUBLIC_URL).toBe('http://localhost:9000');
    expect(parsePortalEnv({ AUTH_SECRET: 'x', GATEWAY_PUBLIC_URL: 'https://api.example.com/' }).GATEWAY_PUBLIC_URL).toBe('https://api.example.com');
  });

  it('uses Secure cookies when the portal is served over https', () => {
    expect(parsePortalEnv({ AUTH_SECRET: 'x', NEXTAUTH_URL: 'https://portal.example.com' }).SECURE_COOKIES).toBe(true);
  });

  it('generates one secret per process when none is configured', () => {
    const first = parsePortalEnv({ NEXT_PHASE: 'phase-production-build' });
    const second = parsePortalEnv({ NEXT_PHASE: 'phase-production-build' });
    expect(first.AUTH_SECRET_SOURCE).toBe('generated');
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
  });

  it('rejects a bad port', () => {
    expect(() => parsePortalEnv({ AUTH_SECRET: 'x', PORTAL_PORT: 'eighty' })).toThrow();
  });

  it('reads the edge settings: trusted proxies as a list, timeouts and the body cap with defaults', () => {
    expect(parsePortalEnv({ AUTH_SECRET: 'x' })).toMatchObject({
      REDIS_URL: undefined,
      PORTAL_TRUSTED_PROXIES: [],
      PORTAL_HEADERS_TIMEOUT_MS: 10_000,
      PORTAL_REQUEST_TIMEOUT_MS: 60_000,
      PORTAL_MAX_BODY_BYTES: 10 * 1024 * 1024,
      PORTAL_DATABASE_TIMEOUT_MS: 3_000,
      PORTAL_STATEMENT_TIMEOUT_MS: 15_000,
    });
    const env = parsePortalEnv({ AUTH_SECRET: 'x', REDIS_URL: 'redis://127.0.0.1:6379', PORTAL_TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,' });
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORTAL_TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '::1']);
  });

  it('offers GitHub and OpenID Connect sign-in only when every variable of each is set', () => {
    const none = parsePortalEnv({ AUTH_SECRET: 'x', GITHUB_ID: 'id', OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'c' });
    expect(none.GITHUB).toBeUndefined();
    expect(none.OIDC).toBeUndefined();
    const both = parsePortalEnv({ AUTH_SECRET: 'x', GITHUB_ID: 'id', GITHUB_SECRET: 's', OIDC_ISSUER: 'https://id.example.com', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 'cs' });
    expect(both.GITHUB).toEqual({ clientId: 'id', clientSecret: 's' });
    expect(both.OIDC).toEqual({ issuer: 'https://id.example.com', clientId: 'c', clientSecret: 'cs' });
  });

  it('writes mail to .data/mail unless SMTP_URL is set', () => {
    expect(parsePortalEnv({ AUTH_SECRET: 'x' })).toMatchObject({ SMTP_URL: undefined, MAIL_OUTBOX_DIR: '.data/mail' });
    expect(parsePortalEnv({ AUTH_SECRET: 'x', SMTP_URL: 'smtp://mail.example.com:587' }).SMTP_URL).toBe('smtp://mail.example.com:587');
  });
});
