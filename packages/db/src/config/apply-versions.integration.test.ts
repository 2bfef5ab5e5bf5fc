// API versions and hosts through applyConfig into the gateway snapshot: stored once,
// unchanged on a second apply, routes tied to their version, versions removed with the file.
import { ZConfigFile } from '@tollgate/contracts';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing';
import { loadGatewaySnapshot } from '../gateway/load-gateway-snapshot';
import { applyConfig } from './apply-config';

const t = useTestDatabase();

const config = (versions: object[], routes: object[]) =>
  ZConfigFile.parse({
    apis: [
      { slug: 'a', name: 'A', basePath: '/shop', hosts: ['A.example.com'], status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:9' }] }, versions, routes },
      { slug: 'b', name: 'B', basePath: '/shop', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:9' }] }, routes: [{ path: '/x' }] },
    ],
  });

describe('applyConfig with versions and hosts', () => {
  it('stores versions and route versions, is idempotent, and drops removed versions', async () => {
    const first = config(
      [{ name: 'v1', match: 'v1' }, { name: 'v2', match: 'v2', default: true }],
      [{ path: '/x', version: 'v1' }, { path: '/x', version: 'v2' }, { path: '/y' }],
    );
    await applyConfig(t.db, first, { baseDir: process.cwd() });
    const snapshot = await loadGatewaySnapshot(t.db);
    const api = snapshot.apis.find((entry) => entry.slug === 'a')!;
    expect(api.hosts).toEqual(['a.example.com']);
    expect(api.versions).toEqual([
      { name: 'v1', selector: 'path', match: 'v1', isDefault: false },
      { name: 'v2', selector: 'path', match: 'v2', isDefault: true },
    ]);
    expect(api.routes.map((route) => [route.key, route.version])).toEqual([
      ['GET /y', null],
      ['v1 GET /x', 'v1'],
      ['v2 GET /x', 'v2'],
    ]);

    expect((await applyConfig(t.db, first, { baseDir: process.cwd() })).changes).toEqual([]);

    await applyConfig(t.db, config([{ name: 'v2', match: 'v2', selector: 'header' }], [{ path: '/x', version: 'v2' }]), { baseDir: process.cwd() });
    const after = (await loadGatewaySnapshot(t.db)).apis.find((entry) => entry.slug === 'a')!;
    expect(after.versions).toEqual([{ name: 'v2', selector: 'header', match: 'v2', isDefault: false }]);
    expect(after.routes.map((route) => [route.key, route.version])).toEqual([['v2 GET /x', 'v2']]);
  });
});
