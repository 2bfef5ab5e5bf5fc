import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually, startTestGateway, testConfig } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
const ISS = 'https://idp.test/';
const AUD = 'weather-api';
const COOLDOWN_MS = 1_000;

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
  pem: string;
}

let upstream: TestUpstream;
let gateway: RunningGateway;
let jwks: Server;
let jwksHits = 0;
let published: JWK[] = [];
let current: SigningKey;
let apiKey: string;

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, pem: await exportSPKI(publicKey) };
}

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(claims: Record<string, unknown> = {}, key: SigningKey = current): Promise<string> {
  return new SignJWT({ iss: ISS, aud: AUD, client_id: 'acme-client', iat: now(), exp: now() + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

async function call(path: string, authorization?: string) {
  const response = await fetch(`${gateway.url}${path}`, { headers: authorization ? { authorization } : {} });
  const text = await response.text();
  const problem = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { code: string; reason?: string }) : undefined;
  return { status: response.status, code: problem?.code, reason: problem?.reason, text, headers: response.headers };
}

beforeAll(async () => {
  upstream = await startTestUpstream();
  current = await signingKey('key-1');
  published = [current.jwk];
  jwks = createServer((req, res) => {
    jwksHits++;
    const body = JSON.stringify({ keys: published });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;

  const base = testConfig(upstream.url);
  const weather = base.apis.find((api) => api.slug === 'weather')!;
  const config = ZConfigFile.parse({
    ...base,
    apis: base.apis.map((api) =>
      api === weather
        ? {
            ...api,
            routes: [...api.routes, { path: '/jwt/{id}', methods: ['GET'], auth: 'jwt' }, { path: '/either/{id}', methods: ['GET'], auth: 'key-or-jwt' }],
            jwt: [{ issuer: ISS, audience: [AUD], jwksUrl, appClaim: 'client_id', clockSkewSeconds: 5 }],
          }
        : api,
    ),
    teams: [
      {
        ...base.teams[0]!,
        apps: [
          { ...base.teams[0]!.apps[0]!, jwtClients: [{ api: 'weather', issuer: ISS, subject: 'acme-client' }] },
          { slug: 'idle-app', name: 'Idle', jwtClients: [{ api: 'weather', issuer: ISS, subject: 'idle-client' }] },
        ],
      },
    ],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  apiKey = (await createApiKey(t.db, { appSlug: 'acme-app' })).key;
  gateway = await startTestGateway(t.url, { GATEWAY_ALLOW_INSECURE_JWKS: true, GATEWAY_JWKS_COOLDOWN_MS: COOLDOWN_MS });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

describe('JWT authentication', () => {
  it('a valid token reaches the upstream as its app and plan, with the token forwarded', async () => {
    const jwt = await token();
    const result = await call('/weather/jwt/1', `Bearer ${jwt}`);
    expect(result.status).toBe(200);
    const received = upstream.received.at(-1)!;
    expect(received.headers['x-consumer-id']).toBe('acme-app');
    expect(received.headers['x-plan']).toBe('free');
    expect(received.headers.authorization).toBe(`Bearer ${jwt}`);
    expect(jwksHits).toBe(1);
  });

  it.each([
    ['expired', () => token({ exp: now() - 60 }), 'expired'],
    ['nbf in the future', () => token({ nbf: now() + 120 }), 'not_yet_valid'],
    ['wrong aud', () => token({ aud: 'another-api' }), 'audience'],
    ['wrong iss', () => token({ iss: 'https://evil.test/' }), 'issuer'],
  ])('%s -> 401 invalid_token (%s)', async (_name, make, reason) => {
    const result = await call('/weather/jwt/1', `Bearer ${await make()}`);
    expect(result).toMatchObject({ status: 401, code: 'invalid_token', reason });
    expect(result.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('alg none -> 401', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISS, aud: AUD, client_id: 'acme-client', exp: now() + 300 })}.`;
    expect(await call('/weather/jwt/1', `Bearer ${unsigned}`)).toMatchObject({ status: 401, code: 'invalid_token', reason: 'algorithm' });
  });

  it('HS256 signed with the RSA public key as the secret -> 401', async () => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: current.kid })}.${b64({ iss: ISS, aud: AUD, client_id: 'acme-client', exp: now() + 300 })}`;
    const forged = `${input}.${createHmac('sha256', current.pem).update(input).digest('base64url')}`;
    expect(await call('/weather/jwt/1', `Bearer ${forged}`)).toMatchObject({ status: 401, code: 'invalid_token', reason: 'algorithm' });
  });

  it('a tampered payload -> 401', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = `${header}.${b64({ iss: ISS, aud: AUD, client_id: 'acme-client', exp: now() + 300, role: 'admin' })}.${signature}`;
    expect(await call('/weather/jwt/1', `Bearer ${forged}`)).toMatchObject({ status: 401, code: 'invalid_token', reason: 'signature' });
  });

  it('an unregistered client -> 403 unknown_client; a client whose app has no subscription -> 403 no_subscription', async () => {
    expect(await call('/weather/jwt/1', `Bearer ${await token({ client_id: 'stranger' })}`)).toMatchObject({ status: 403, code: 'unknown_client' });
    expect(await call('/weather/jwt/1', `Bearer ${await token({ client_id: 'idle-client' })}`)).toMatchObject({ status: 403, code: 'no_subscription' });
  });

  it('jwt routes take only JWTs; key-or-jwt routes take either', async () => {
    expect(await call('/weather/jwt/1')).toMatchObject({ status: 401, code: 'missing_credentials' });
    expect(await call('/weather/jwt/1', `Bearer ${apiKey}`)).toMatchObject({ status: 401, code: 'invalid_token' });
    expect((await call('/weather/either/1', `Bearer ${apiKey}`)).status).toBe(200);
    expect((await call('/weather/either/1', `Bearer ${await token()}`)).status).toBe(200);
    expect(await call('/weather/either/1', `Bearer ${await token({ exp: now() - 60 })}`)).toMatchObject({ status: 401, code: 'invalid_token', reason: 'expired' });
    expect(await call('/weather/either/1')).toMatchObject({ status: 401, code: 'missing_credentials' });
    // Key routes never try a JWT.
    expect(await call('/weather/forecast/paris', `Bearer ${await token()}`)).toMatchObject({ status: 401, code: 'malformed_api_key' });
  });

  it('never echoes the token in a problem', async () => {
    const jwt = await token({ exp: now() - 60 });
    expect((await call('/weather/jwt/1', `Bearer ${jwt}`)).text).not.toContain(jwt.split('.')[1]);
  });
});

describe('JWKS caching and rotation', () => {
  it('an unknown kid refetches the JWKS at most once per cooldown', async () => {
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const stranger = await signingKey('unknown-kid');
    const before = jwksHits;
    const results = await Promise.all(Array.from({ length: 5 }, async () => call('/weather/jwt/1', `Bearer ${await token({}, stranger)}`)));
    for (const result of results) expect(result).toMatchObject({ status: 401, code: 'invalid_token', reason: 'unknown_kid' });
    expect(jwksHits - before).toBe(1);
    for (let i = 0; i < 5; i++) expect((await call('/weather/jwt/1', `Bearer ${await token({}, stranger)}`)).reason).toBe('unknown_kid');
    expect(jwksHits - before).toBe(1);
  });

  it('a rotated signing key is picked up once the cooldown allows a refetch', async () => {
    const next = await signingKey('key-2');
    published = [current.jwk, next.jwk];
    const before = jwksHits;
    const took = await eventually(async () => {
      expect((await call('/weather/jwt/1', `Bearer ${await token({}, next)}`)).status).toBe(200);
    }, COOLDOWN_MS * 3);
    expect(took).toBeLessThan(COOLDOWN_MS * 3);
    expect(jwksHits - before).toBe(1);
    // The old key still verifies from the cache without another fetch.
    expect((await call('/weather/jwt/1', `Bearer ${await token()}`)).status).toBe(200);
    expect(jwksHits - before).toBe(1);
  });

  it('answers 503 identity_provider_unavailable when the JWKS cannot be fetched', async () => {
    await new Promise((resolve) => jwks.close(resolve));
    jwks.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const result = await call('/weather/jwt/1', `Bearer ${await token({}, await signingKey('key-3'))}`);
    expect(result).toMatchObject({ status: 503, code: 'identity_provider_unavailable' });
  });
});
