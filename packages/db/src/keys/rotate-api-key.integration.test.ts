import { ZConfigFile } from '@tollgate/contracts';
import { hashApiKey } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyConfig } from '../config/apply-config';
import { loadGatewaySnapshot } from '../gateway/load-gateway-snapshot';
import { useTestDatabase } from '../testing';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';
import { rotateApiKey } from './rotate-api-key';

const t = useTestDatabase();

beforeAll(async () => {
  await applyConfig(
    t.db,
    ZConfigFile.parse({
      apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] }, routes: [{ path: '/forecast/{city}', methods: ['GET'] }] }],
      plans: [{ slug: 'free', name: 'Free', apis: ['weather'] }],
      teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }] }] }],
    }),
    { baseDir: process.cwd() },
  );
});

const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;

describe('rotateApiKey', () => {
  it('creates a new key with the same app, name and scopes, ends the old one after the grace, and bumps the revision', async () => {
    const old = await createApiKey(t.db, { appSlug: 'acme-app', name: 'ci', apiSlugs: ['weather'] });
    const before = await revision();
    const started = Date.now();
    const rotated = await rotateApiKey(t.db, { id: old.id, graceSeconds: 3600 });
    expect(await revision()).toBe(before + 1n);
    const [oldRow, newRow] = await Promise.all([t.db.apiKey.findUniqueOrThrow({ where: { id: old.id } }), t.db.apiKey.findUniqueOrThrow({ where: { id: rotated.id } })]);
    expect(newRow).toMatchObject({ appId: oldRow.appId, name: 'ci', scopes: ['weather'], rotatedFromId: old.id, hash: hashApiKey(rotated.key), expiresAt: null, revokedAt: null });
    expect(rotated.key.startsWith(rotated.prefix)).toBe(true);
    const graceEnd = oldRow.expiresAt!.getTime();
    expect(graceEnd).toBeGreaterThanOrEqual(started + 3_600_000);
    expect(graceEnd).toBeLessThan(Date.now() + 3_600_000 + 1_000);
    expect(rotated.oldKeyExpiresAt).toBe(oldRow.expiresAt!.toISOString());
  });

  it('never extends an old key past its own expiry, and the new key keeps that expiry', async () => {
    const soon = new Date(Date.now() + 60_000);
    const old = await createApiKey(t.db, { appSlug: 'acme-app', expiresAt: soon });
    const rotated = await rotateApiKey(t.db, { id: old.id, graceSeconds: 7 * 86_400 });
    expect(rotated.oldKeyExpiresAt).toBe(soon.toISOString());
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: rotated.id } })).expiresAt?.toISOString()).toBe(soon.toISOString());
  });

  it.each([-1, 7 * 86_400 + 1, 1.5])('refuses a grace of %s seconds', async (graceSeconds) => {
    const old = await createApiKey(t.db, { appSlug: 'acme-app' });
    await expect(rotateApiKey(t.db, { id: old.id, graceSeconds })).rejects.toMatchObject({ code: 'invalid_params' });
  });

  it('refuses unknown and revoked keys', async () => {
    await expect(rotateApiKey(t.db, { id: '00000000-0000-4000-8000-000000000000', graceSeconds: 0 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(rotateApiKey(t.db, { id: 'nope', graceSeconds: 0 })).rejects.toMatchObject({ code: 'not_found' });
    const old = await createApiKey(t.db, { appSlug: 'acme-app' });
    await revokeApiKey(t.db, old.id);
    await expect(rotateApiKey(t.db, { id: old.id, graceSeconds: 0 })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('createApiKey scopes', () => {
  it('accepts subscribed APIs and their routes, and refuses anything else', async () => {
    const created = await createApiKey(t.db, { appSlug: 'acme-app', apiSlugs: ['weather'], scopes: ['weather:GET /forecast/{city}', 'weather'] });
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).scopes).toEqual(['weather', 'weather:GET /forecast/{city}']);
    for (const scope of ['weather:GET /nope', 'weather:POST /forecast/{city}', 'other', 'other:GET /x']) {
      await expect(createApiKey(t.db, { appSlug: 'acme-app', scopes: [scope] })).rejects.toMatchObject({ code: 'invalid_params' });
    }
  });
});

describe('listApiKeys', () => {
  it('lists an app’s keys without hashes, revoked ones included', async () => {
    const created = await createApiKey(t.db, { appSlug: 'acme-app', name: 'listed' });
    await revokeApiKey(t.db, created.id);
    const keys = await listApiKeys(t.db, { appSlug: 'acme-app' });
    const listed = keys.find((key) => key.id === created.id)!;
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'environment', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'rotatedFromId', 'scopes']);
    expect(listed).toMatchObject({ name: 'listed', prefix: created.prefix });
    expect(listed.revokedAt).not.toBeNull();
    await expect(listApiKeys(t.db, { appSlug: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('gateway snapshot', () => {
  it('carries recently revoked keys marked as revoked, and keys revoked long ago not at all', async () => {
    const recent = await createApiKey(t.db, { appSlug: 'acme-app' });
    const old = await createApiKey(t.db, { appSlug: 'acme-app' });
    await revokeApiKey(t.db, recent.id);
    await t.db.apiKey.update({ where: { id: old.id }, data: { revokedAt: new Date(Date.now() - 31 * 86_400_000) } });
    const snapshot = await loadGatewaySnapshot(t.db);
    expect(snapshot.keys.find((key) => key.id === recent.id)?.revokedAt).toEqual(expect.any(String));
    expect(snapshot.keys.find((key) => key.id === old.id)).toBeUndefined();
  });

  it('lists subscriptions that are not active with their status', async () => {
    const sub = await t.db.subscription.findFirstOrThrow();
    await t.db.subscription.update({ where: { id: sub.id }, data: { status: 'suspended' } });
    const snapshot = await loadGatewaySnapshot(t.db);
    expect(snapshot.subscriptions.find((row) => row.id === sub.id)).toBeUndefined();
    expect(snapshot.inactiveSubscriptions).toContainEqual({ appId: sub.appId, apiId: sub.apiId, status: 'suspended' });
    await t.db.subscription.update({ where: { id: sub.id }, data: { status: 'active' } });
  });
});
