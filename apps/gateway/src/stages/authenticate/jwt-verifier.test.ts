import { createHmac } from 'node:crypto';
import type { SnapshotJwtIssuer } from '@tollgate/db';
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../../testing/snapshot-fixture';
import { JwtVerifier } from './jwt-verifier';

const ISS = 'https://idp.example.com/';
const AUD = 'https://api.example.com';
let privateKey: CryptoKey;
let publicPem: string;
let verifier: JwtVerifier;

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  return new SignJWT({ iss: ISS, aud: AUD, sub: 'client-1', iat: now(), exp: now() + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', ...header })
    .sign(privateKey);
}

function issuer(overrides: Partial<SnapshotJwtIssuer> = {}): SnapshotJwtIssuer {
  return {
    id: 'iss-1',
    apiId: 'api-1',
    issuer: ISS,
    audience: [AUD],
    jwksUrl: null,
    publicKeyPem: publicPem,
    algorithms: ['RS256', 'ES256'],
    appClaim: 'sub',
    clockSkewSeconds: 5,
    clients: [{ subject: 'client-1', appId: 'app-1' }],
    ...overrides,
  };
}

async function reason(token: string, using = verifier) {
  try {
    await using.verify(token);
  } catch (error) {
    const problem = error as { code: string; status: number; extensions?: { reason?: string } };
    return `${problem.status} ${problem.code} ${problem.extensions?.reason ?? ''}`.trim();
  }
  return 'ok';
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  publicPem = await exportSPKI(pair.publicKey);
  verifier = JwtVerifier.compile('weather', [issuer()], testServices(), () => {})!;
});

describe('JwtVerifier (static public key)', () => {
  it('accepts a valid token and maps its subject to the app', async () => {
    await expect(verifier.verify(await sign())).resolves.toEqual({ issuer: ISS, subject: 'client-1', appId: 'app-1' });
  });

  it('reports an unregistered client with no app', async () => {
    await expect(verifier.verify(await sign({ sub: 'stranger' }))).resolves.toMatchObject({ subject: 'stranger', appId: undefined });
  });

  it('reads the configured app claim', async () => {
    const byAzp = JwtVerifier.compile('weather', [issuer({ appClaim: 'azp', clients: [{ subject: 'web', appId: 'app-2' }] })], testServices(), () => {})!;
    await expect(byAzp.verify(await sign({ azp: 'web' }))).resolves.toMatchObject({ appId: 'app-2' });
    expect(await reason(await sign(), byAzp)).toBe('401 invalid_token claim');
  });

  it.each([
    ['expired', () => sign({ exp: now() - 60 }), 'expired'],
    ['nbf in the future', () => sign({ nbf: now() + 120 }), 'not_yet_valid'],
    ['wrong aud', () => new SignJWT({ sub: 'client-1' }).setProtectedHeader({ alg: 'RS256' }).setIssuer(ISS).setAudience('https://elsewhere').setExpirationTime('5m').sign(privateKey), 'audience'],
    ['wrong iss', () => new SignJWT({ sub: 'client-1' }).setProtectedHeader({ alg: 'RS256' }).setIssuer('https://evil.example.com/').setAudience(AUD).setExpirationTime('5m').sign(privateKey), 'issuer'],
    ['no exp', () => new SignJWT({ sub: 'client-1' }).setProtectedHeader({ alg: 'RS256' }).setIssuer(ISS).setAudience(AUD).sign(privateKey), 'claim'],
  ])('%s -> 401 invalid_token (%s)', async (_name, token, why) => {
    expect(await reason(await token())).toBe(`401 invalid_token ${why}`);
  });

  it('tolerates the configured clock skew on exp and nbf', async () => {
    expect(await reason(await sign({ exp: now() - 2 }))).toBe('ok');
    expect(await reason(await sign({ nbf: now() + 2 }))).toBe('ok');
  });

  it('refuses alg none', async () => {
    const claims = { iss: ISS, aud: AUD, sub: 'client-1', exp: now() + 300 };
    expect(await reason(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).toBe('401 invalid_token algorithm');
  });

  it('refuses HS256 signed with the RSA public key as the secret', async () => {
    const claims = { iss: ISS, aud: AUD, sub: 'client-1', exp: now() + 300 };
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    const signature = createHmac('sha256', publicPem).update(input).digest('base64url');
    expect(await reason(`${input}.${signature}`)).toBe('401 invalid_token algorithm');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await sign()).split('.');
    const forged = b64({ iss: ISS, aud: AUD, sub: 'client-1', exp: now() + 300, admin: true });
    expect(await reason(`${header}.${forged}.${signature}`)).toBe('401 invalid_token signature');
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT({ sub: 'client-1' }).setProtectedHeader({ alg: 'RS256' }).setIssuer(ISS).setAudience(AUD).setExpirationTime('5m').sign(other.privateKey);
    expect(await reason(token)).toBe('401 invalid_token signature');
  });

  it('refuses garbage as malformed', async () => {
    expect(await reason('not.a.jwt')).toBe('401 invalid_token malformed');
    expect(await reason('x'.repeat(20_000))).toBe('401 invalid_token malformed');
  });

  it('drops issuers it cannot use, with a warning', () => {
    const warnings: string[] = [];
    const services = testServices();
    expect(JwtVerifier.compile('weather', [issuer({ publicKeyPem: 'nope' })], services, (m) => warnings.push(m))).toBeNull();
    expect(JwtVerifier.compile('weather', [issuer({ publicKeyPem: null, jwksUrl: 'http://idp.example.com/jwks' })], services, (m) => warnings.push(m))).toBeNull();
    expect(JwtVerifier.compile('weather', [issuer({ publicKeyPem: null, jwksUrl: 'http://127.0.0.1:1/jwks' })], services, (m) => warnings.push(m))).toBeNull();
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toMatch(/must be https/);
  });

  it('ignores HS and none in the allow-list', () => {
    const warnings: string[] = [];
    expect(JwtVerifier.compile('weather', [issuer({ algorithms: ['HS256', 'none'] })], testServices(), (m) => warnings.push(m))).toBeNull();
    expect(warnings.join('\n')).toMatch(/ignored/);
  });
});
