import { generateApiKey } from '@tollgate/domain';
import type { ChangedKey, ConfigChanges } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { fixtureApi, fixtureRoute, fixtureSnapshot, testServices } from '../testing/snapshot-fixture';
import { applyKeyChanges } from './apply-key-changes';
import { compileSnapshot } from './compile-snapshot';

const app = { id: 'app-1', slug: 'acme-app', teamId: 'team-1' };
const existing = generateApiKey();
const added = generateApiKey();
const current = compileSnapshot(
  fixtureSnapshot([fixtureApi('w', '/w', [fixtureRoute('/x')])], {
    revision: 4,
    apps: [app],
    keys: [{ id: 'k-old', appId: app.id, hash: existing.hash, environment: 'live', scopes: [], expiresAt: null }],
  }),
  'database',
  testServices(),
);

const row = (id: string, hash: string, extra: Partial<ChangedKey> = {}): ChangedKey => ({ id, appId: app.id, hash, environment: 'live', scopes: [], expiresAt: null, revoked: false, ...extra });
const changes = (rows: ChangedKey[], extra: Partial<ConfigChanges> = {}): ConfigChanges => ({
  revision: 6,
  complete: true,
  changes: rows.map((key, i) => ({ revision: 5 + Math.min(i, 1), entityType: 'key', entityId: key.id })),
  keys: rows,
  ...extra,
});

describe('applyKeyChanges', () => {
  it('patches a revoked and a new key into a new snapshot that shares the routes', () => {
    const next = applyKeyChanges(current, changes([row('k-old', existing.hash, { revoked: true }), row('k-new', added.hash, { scopes: ['w'] })]))!;
    expect(next.revision).toBe(6);
    expect(next.index.revision).toBe(6);
    expect(next.router).toBe(current.router);
    expect(next.index.keys.get(existing.hash)?.revoked).toBe(true);
    expect(next.index.keys.get(added.hash)).toMatchObject({ id: 'k-new', app, scopes: new Set(['w']) });
    expect(current.index.keys.get(existing.hash)?.revoked).toBe(false);
    expect(current.index.keys.get(added.hash)).toBeUndefined();
  });

  it.each([
    ['a change that is not a key', changes([row('k-new', added.hash)], { changes: [{ revision: 5, entityType: 'route', entityId: 'r1' }, { revision: 6, entityType: 'key', entityId: 'k-new' }] })],
    ['a revision without change rows', changes([row('k-new', added.hash)], { complete: false })],
    ['a deleted key', changes([row('k-new', added.hash)], { keys: [] })],
    ['a key of an unknown app', changes([row('k-new', added.hash, { appId: 'app-2' })])],
    ['a revision not ahead of the served one', changes([row('k-new', added.hash)], { revision: 4 })],
  ])('asks for a full reload on %s', (_name, input) => {
    expect(applyKeyChanges(current, input)).toBeNull();
  });
});
