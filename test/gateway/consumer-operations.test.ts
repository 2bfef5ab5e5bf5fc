// What an admin does to consumers through the operations layer (console, admin API and CLI
// alike) reaches a running gateway through LISTEN/NOTIFY alone (its heartbeat is a minute):
// a revoked key is refused, a suspended subscription is refused, an approved one is served,
// and the key's last use comes back with the usage flush.
import { useTestDatabase } from '@tollgate/db/testing';
import { approveSubscription, createApi, createApp, createKey, createPlan, createRoute, createSubscription, createTeam, revokeKey, runOperation, suspendSubscription, type Principal } from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';

const t = useTestDatabase();
const admin: Principal = { kind: 'user', id: '00000000-0000-4000-8000-0000000000ad', label: 'admin@example.com', role: 'admin' };
let upstream: TestUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, admin, operation, input);
  for (const slug of ['weather', 'maps']) {
    await run(createApi, { slug, name: slug, basePath: `/${slug}`, status: 'published', upstream: { targets: [{ url: upstream.url }] } });
    await run(createRoute, { apiSlug: slug, path: '/forecast/{city}', methods: ['GET'] });
  }
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather'] });
  await run(createPlan, { slug: 'gold', name: 'Gold', apis: ['maps'], approvalRequired: true });
  await run(createTeam, { slug: 'acme', name: 'Acme' });
  await run(createApp, { team: 'acme', slug: 'acme-app', name: 'Acme App' });
  await run(createSubscription, { app: 'acme-app', api: 'weather', plan: 'free' });
  gateway = await startTestGateway(t.url, { GATEWAY_HEARTBEAT_MS: 60_000, GATEWAY_USAGE_FLUSH_MS: 200 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const call = (key: string, path: string) => fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
const expectStatus = (key: string, path: string, status: number) => async () => {
  const response = await call(key, path);
  await response.arrayBuffer();
  expect(response.status).toBe(status);
};

describe('consumer operations on a running gateway', () => {
  it('serves a key created through the operation, records its last use, and refuses it within a second of its revocation', async () => {
    const key = await runOperation(t.db, admin, createKey, { app: 'acme-app', name: 'revoke me' });
    await eventually(expectStatus(key.key, '/weather/forecast/paris', 200), 1_000);
    // The flusher writes lastUsedAt with the batch: no query on the request path.
    await eventually(async () => expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull(), 10_000);
    await runOperation(t.db, admin, revokeKey, { id: key.id });
    const took = await eventually(expectStatus(key.key, '/weather/forecast/paris', 401), 1_000);
    expect(took).toBeLessThan(1_000);
  });

  it('serves a pending subscription only once it is approved, and stops serving a suspended one', async () => {
    const key = await runOperation(t.db, admin, createKey, { app: 'acme-app' });
    await eventually(expectStatus(key.key, '/weather/forecast/paris', 200), 1_000);
    const pending = await runOperation(t.db, admin, createSubscription, { app: 'acme-app', api: 'maps', plan: 'gold' });
    expect(pending.status).toBe('pending');
    await eventually(expectStatus(key.key, '/maps/forecast/paris', 403), 1_000);
    await runOperation(t.db, admin, approveSubscription, { id: pending.id });
    await eventually(expectStatus(key.key, '/maps/forecast/paris', 200), 1_000);
    await runOperation(t.db, admin, suspendSubscription, { id: pending.id, reason: 'unpaid' });
    await eventually(expectStatus(key.key, '/maps/forecast/paris', 403), 1_000);
  });
});
