import { createHash } from 'node:crypto';
import { applyConfig, createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { applyTestConfig, eventually, startTestGateway, testConfig } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateways: RunningGateway[] = [];
const PATH = '/weather/forecast/paris';

beforeAll(async () => {
  upstream = await startTestUpstream();
  await applyTestConfig(t.db, upstream.url);
  // Slow heartbeats: only NOTIFY can explain a change seen within a second.
  gateways = await Promise.all([0, 1].map(() => startTestGateway(t.url, { GATEWAY_HEARTBEAT_MS: 60_000 })));
}, 60_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await upstream?.close();
});

async function call(gateway: RunningGateway, key: string): Promise<{ status: number; code?: string; text: string }> {
  const response = await fetch(`${gateway.url}${PATH}`, { headers: { authorization: `Bearer ${key}` } });
  const text = await response.text();
  const code = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { code: string }).code : undefined;
  return { status: response.status, code, text };
}

/** Every gateway answers `status`/`code` for `key`; returns the milliseconds it took. */
function onEveryGateway(key: string, status: number, code?: string, withinMs = 1_000): Promise<number> {
  return eventually(async () => {
    const results = await Promise.all(gateways.map((gateway) => call(gateway, key)));
    for (const result of results) {
      expect(result.status).toBe(status);
      if (code !== undefined) expect(result.code).toBe(code);
    }
  }, withinMs);
}

describe('key storage', () => {
  it('PostgreSQL holds the SHA-256 of the key and a display prefix, never the key', async () => {
    const { id, key, prefix } = await createApiKey(t.db, { appSlug: 'acme-app', name: 'storage' });
    const rows = await t.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM api_keys WHERE id = ${id}::uuid`;
    expect(rows[0]!.hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(key.length / 2);
    expect(JSON.stringify(rows)).not.toContain(key);
    const listed = await listApiKeys(t.db, { appSlug: 'acme-app' });
    expect(listed.find((row) => row.id === id)).toMatchObject({ prefix, name: 'storage', revokedAt: null });
    expect(JSON.stringify(listed)).not.toMatch(/hash|[0-9a-f]{64}/);
  });
});

describe('scopes', () => {
  it('a key scoped to one route calls that route and gets 403 out_of_scope elsewhere in the API', async () => {
    const { key } = await createApiKey(t.db, { appSlug: 'acme-app', scopes: ['weather:GET /forecast/{city}'] });
    await onEveryGateway(key, 200, undefined, 5_000);
    const response = await fetch(`${gateways[0]!.url}/weather/query/1`, { headers: { 'x-api-key': key } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('out_of_scope');
  });
});

describe('revocation', () => {
  it('a revoked key fails on both gateway instances within 1 s, as revoked_api_key, never echoing the key', async () => {
    const { id, key } = await createApiKey(t.db, { appSlug: 'acme-app' });
    await onEveryGateway(key, 200, undefined, 5_000);
    await revokeApiKey(t.db, id);
    const took = await onEveryGateway(key, 401, 'revoked_api_key');
    expect(took).toBeLessThan(1_000);
    const { text } = await call(gateways[0]!, key);
    expect(text).not.toContain(key);
  });
});

describe('rotation', () => {
  it('the old key works during its grace and fails after it; the new key keeps working', async () => {
    const old = await createApiKey(t.db, { appSlug: 'acme-app', name: 'rotating', apiSlugs: ['weather'] });
    await onEveryGateway(old.key, 200, undefined, 5_000);
    const rotated = await rotateApiKey(t.db, { id: old.id, graceSeconds: 2 });
    expect(Date.parse(rotated.oldKeyExpiresAt) - Date.now()).toBeGreaterThan(1_000);
    await onEveryGateway(rotated.key, 200, undefined, 1_000);
    // Still inside the grace: the old key works on every instance.
    for (const gateway of gateways) expect((await call(gateway, old.key)).status).toBe(200);
    const newRow = await t.db.apiKey.findUniqueOrThrow({ where: { id: rotated.id } });
    expect(newRow).toMatchObject({ rotatedFromId: old.id, name: 'rotating', scopes: ['weather'] });
    // After the grace, with no config change in between, it stops by itself.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(rotated.oldKeyExpiresAt) - Date.now()) + 50));
    for (const gateway of gateways) expect(await call(gateway, old.key)).toMatchObject({ status: 401, code: 'expired_api_key' });
    for (const gateway of gateways) expect((await call(gateway, rotated.key)).status).toBe(200);
  });

  it('with a grace of 0 the old key fails at once', async () => {
    const old = await createApiKey(t.db, { appSlug: 'acme-app' });
    await onEveryGateway(old.key, 200, undefined, 5_000);
    const rotated = await rotateApiKey(t.db, { id: old.id, graceSeconds: 0 });
    await onEveryGateway(old.key, 401, 'expired_api_key');
    await onEveryGateway(rotated.key, 200);
  });
});

describe('subscription status', () => {
  it('suspending a subscription answers 403 subscription_suspended on every instance within 1 s; reactivating restores it', async () => {
    const { key } = await createApiKey(t.db, { appSlug: 'acme-app' });
    await onEveryGateway(key, 200, undefined, 5_000);
    const config = testConfig(upstream.url);
    const app = config.teams[0]!.apps[0]!;
    app.subscriptions[0]!.status = 'suspended';
    await applyConfig(t.db, config, { baseDir: process.cwd() });
    expect(await onEveryGateway(key, 403, 'subscription_suspended')).toBeLessThan(1_000);
    app.subscriptions[0]!.status = 'pending';
    await applyConfig(t.db, config, { baseDir: process.cwd() });
    await onEveryGateway(key, 403, 'no_subscription');
    app.subscriptions[0]!.status = 'active';
    await applyConfig(t.db, config, { baseDir: process.cwd() });
    await onEveryGateway(key, 200);
  });
});
