import { generateApiKey } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing';
import { createApiKey } from '../keys/create-api-key';
import { revokeApiKey } from '../keys/revoke-api-key';
import { loadGatewaySnapshot } from './load-gateway-snapshot';
import { readConfigChanges } from './read-config-changes';
import { streamGatewayKeys } from './stream-gateway-keys';
import { recordGatewayHeartbeat } from './record-gateway-heartbeat';

const t = useTestDatabase();

async function seed() {
  const db = t.db;
  const team = await db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  const app = await db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  const published = await db.api.create({
    data: {
      slug: 'weather',
      name: 'Weather',
      basePath: '/weather',
      status: 'published',
      routes: { create: [{ key: 'GET /forecast/{city}', path: '/forecast/{city}', methods: ['GET'] }] },
      upstream: { create: { targets: { create: [{ url: 'http://127.0.0.1:4010' }] } } },
    },
  });
  const draft = await db.api.create({ data: { slug: 'draft', name: 'Draft', basePath: '/draft', status: 'draft' } });
  const plan = await db.plan.create({ data: { slug: 'free', name: 'Free', apis: { create: [{ apiId: published.id }] } } });
  await db.subscription.create({ data: { appId: app.id, apiId: published.id, planId: plan.id } });
  await db.subscription.create({ data: { appId: app.id, apiId: draft.id, planId: plan.id, status: 'suspended' } });
  const live = generateApiKey();
  const revoked = generateApiKey();
  await db.apiKey.create({ data: { appId: app.id, hash: live.hash, prefix: live.prefix, expiresAt: new Date('2099-01-01T00:00:00Z') } });
  await db.apiKey.create({ data: { appId: app.id, hash: revoked.hash, prefix: revoked.prefix, revokedAt: new Date() } });
  await db.configState.update({ where: { id: 1 }, data: { revision: 7n } });
  return { live, revoked, published, plan, app };
}

describe('loadGatewaySnapshot', () => {
  it('reads the revision and only what the gateway serves, as plain JSON', async () => {
    const { live, revoked, published, plan, app } = await seed();
    const snapshot = await loadGatewaySnapshot(t.db);

    expect(snapshot.revision).toBe(7);
    expect(snapshot.apis.map((api) => api.slug)).toEqual(['weather']);
    expect(snapshot.apis[0]!.routes[0]).toMatchObject({ path: '/forecast/{city}', methods: ['GET'], auth: 'key', stripBasePath: true });
    expect(snapshot.apis[0]!.upstream!.targets).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:4010', weight: 1 })]);
    expect(snapshot.plans).toEqual([expect.objectContaining({ id: plan.id, slug: 'free', apiIds: [published.id] })]);
    expect(snapshot.subscriptions).toEqual([expect.objectContaining({ appId: app.id, apiId: published.id, planId: plan.id })]);
    expect(snapshot.keys).toHaveLength(2);
    expect(snapshot.keys).toContainEqual(expect.objectContaining({ hash: live.hash, appId: app.id, expiresAt: '2099-01-01T00:00:00.000Z', revokedAt: null }));
    expect(snapshot.keys).toContainEqual(expect.objectContaining({ hash: revoked.hash, revokedAt: expect.any(String) }));
    expect((await loadGatewaySnapshot(t.db, { keys: false })).keys).toEqual([]);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('records a heartbeat and returns the revision the database holds', async () => {
    const beat = { id: 'gw-test-1', hostname: 'host', version: '0.1.0', configRevision: 3 };
    expect(await recordGatewayHeartbeat(t.db, beat)).toBe(7);
    await recordGatewayHeartbeat(t.db, { ...beat, configRevision: 7 });
    const row = await t.db.gatewayInstance.findUniqueOrThrow({ where: { id: 'gw-test-1' } });
    expect(row.configRevision).toBe(7n);
  });
});

describe('streamGatewayKeys and readConfigChanges', () => {
  it('streams the same keys as the snapshot, with the revision its transaction saw', async () => {
    const snapshot = await loadGatewaySnapshot(t.db);
    const streamed: { id: string; hash: string; expiresAtMs: number | null; revoked: boolean }[] = [];
    const result = await streamGatewayKeys(t.url, (id, _appId, hash, _environment, _scopes, expiresAtMs, revoked) => streamed.push({ id, hash, expiresAtMs, revoked }));
    expect(result).toEqual({ revision: snapshot.revision, count: snapshot.keys.length });
    expect(streamed.map((key) => key.hash).sort()).toEqual(snapshot.keys.map((key) => key.hash).sort());
    const live = snapshot.keys.find((key) => key.revokedAt === null)!;
    expect(streamed.find((key) => key.id === live.id)).toMatchObject({ expiresAtMs: Date.parse(live.expiresAt!), revoked: false });
    expect(streamed.filter((key) => key.revoked)).toHaveLength(1);
  });

  it('lists the changes after a revision with the current rows of the keys they name', async () => {
    const since = (await loadGatewaySnapshot(t.db)).revision;
    expect(await readConfigChanges(t.db, since)).toEqual({ revision: since, complete: true, changes: [], keys: [] });
    const created = await createApiKey(t.db, { appSlug: 'acme-app' });
    await revokeApiKey(t.db, created.id);
    const changes = await readConfigChanges(t.db, since);
    expect(changes).toMatchObject({ revision: since + 2, complete: true });
    expect(changes.changes).toEqual([
      { revision: since + 1, entityType: 'key', entityId: created.id },
      { revision: since + 2, entityType: 'key', entityId: created.id },
    ]);
    expect(changes.keys).toEqual([expect.objectContaining({ id: created.id, revoked: true })]);
    // A revision moved without change rows can only be followed by a full reload.
    await t.db.configState.update({ where: { id: 1 }, data: { revision: { increment: 1 } } });
    expect(await readConfigChanges(t.db, since)).toMatchObject({ revision: since + 3, complete: false, keys: [] });
  });
});
