import { generateApiKey } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { applyTestConfig, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
const expired = generateApiKey();
const scoped = generateApiKey('test');

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  const app = await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-app' } });
  await t.db.apiKey.create({ data: { appId: app.id, hash: expired.hash, prefix: expired.prefix, expiresAt: new Date(Date.now() - 60_000) } });
  await t.db.apiKey.create({ data: { appId: app.id, hash: scoped.hash, prefix: scoped.prefix, environment: 'test', scopes: ['other'] } });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function problemFor(headers: Record<string, string>, path = '/weather/forecast/paris') {
  const before = upstream.received.length;
  const response = await fetch(`${gateway.url}${path}`, { headers });
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(upstream.received.length).toBe(before);
  const body = (await response.json()) as { code: string; status: number; requestId: string; detail: string };
  expect(body.status).toBe(response.status);
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  return { status: response.status, body, headers: response.headers };
}

describe('authentication', () => {
  it('accepts a key as Bearer or X-Api-Key', async () => {
    expect((await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { 'x-api-key': key } })).status).toBe(200);
  });

  it('401 missing_credentials without a key, with a challenge', async () => {
    const { status, body, headers } = await problemFor({});
    expect(status).toBe(401);
    expect(body.code).toBe('missing_credentials');
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('401 missing_credentials for a non-Bearer Authorization header', async () => {
    const { body } = await problemFor({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(body.code).toBe('missing_credentials');
  });

  it.each([
    ['garbage', () => 'not-a-key'],
    ['a bad checksum', () => `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`],
    ['an overlong value', () => `tg_live_${'x'.repeat(500)}`],
  ])('401 malformed_api_key for %s', async (_name, candidate) => {
    const { status, body } = await problemFor({ authorization: `Bearer ${candidate()}` });
    expect(status).toBe(401);
    expect(body.code).toBe('malformed_api_key');
  });

  it('401 invalid_api_key for a well-formed key nobody issued', async () => {
    const { status, body } = await problemFor({ 'x-api-key': generateApiKey().key });
    expect(status).toBe(401);
    expect(body.code).toBe('invalid_api_key');
  });

  it('401 expired_api_key after the key expired', async () => {
    const { status, body } = await problemFor({ authorization: `Bearer ${expired.key}` });
    expect(status).toBe(401);
    expect(body.code).toBe('expired_api_key');
  });

  it('403 no_subscription for an API the app is not subscribed to', async () => {
    const { status, body } = await problemFor({ authorization: `Bearer ${key}` }, '/other/thing');
    expect(status).toBe(403);
    expect(body.code).toBe('no_subscription');
  });

  it('403 out_of_scope for a key limited to another API', async () => {
    const { status, body } = await problemFor({ authorization: `Bearer ${scoped.key}` });
    expect(status).toBe(403);
    expect(body.code).toBe('out_of_scope');
  });

  it('never echoes the key or internals in a problem', async () => {
    const candidate = generateApiKey().key;
    const response = await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { authorization: `Bearer ${candidate}` } });
    const text = await response.text();
    expect(text).not.toContain(candidate);
    expect(text).not.toMatch(/at \w+ \(|node_modules|stack/);
  });
});
