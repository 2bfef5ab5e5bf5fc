import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createApi, listApis, updateApi } from '../apis';
import { getUpstream, updateUpstream } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };

describe('upstreams and the console reads of APIs', () => {
  it('replaces targets and balancing, keeps the other settings, and shows each gateway\'s reported health', async () => {
    const api = await runOperation(t.db, admin, createApi, { slug: 'geo', name: 'Geo', basePath: '/geo' });
    expect(await runOperation(t.db, admin, getUpstream, { apiSlug: 'geo' })).toBeNull();
    await runOperation(t.db, admin, updateUpstream, { apiSlug: 'geo', targets: [{ url: 'http://10.0.0.1:80', weight: 3 }, { url: 'http://10.0.0.2:80' }], loadBalancing: 'weighted' });
    await t.db.upstream.update({ where: { apiId: api.id }, data: { settings: { retries: { attempts: 1, backoffMs: 10 } } } });
    await runOperation(t.db, admin, updateUpstream, { apiSlug: 'geo', targets: [{ url: 'http://10.0.0.2:80', weight: 2 }], loadBalancing: 'least-connections' });
    expect((await t.db.upstream.findUniqueOrThrow({ where: { apiId: api.id } })).settings).toEqual({ retries: { attempts: 1, backoffMs: 10 } });
    await t.db.gatewayInstance.create({
      data: { id: 'gw-1', hostname: 'gw-a', version: '1', configRevision: 1n, status: { targets: [{ api: 'geo', url: 'http://10.0.0.2:80', healthy: false, ejectedUntil: '2030-01-01T00:00:00.000Z', inFlight: 4, breaker: 'open' }, { api: 'other', url: 'http://x', healthy: true }] } },
    });
    expect(await runOperation(t.db, admin, getUpstream, { apiSlug: 'geo' })).toMatchObject({
      loadBalancing: 'least-connections',
      targets: [{ url: 'http://10.0.0.2:80', weight: 2 }],
      health: [{ gateway: 'gw-a', url: 'http://10.0.0.2:80', healthy: false, ejectedUntil: '2030-01-01T00:00:00.000Z', inFlight: 4, breaker: 'open' }],
    });
    const audit = await t.db.auditLog.findMany({ where: { action: 'upstreams.update' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.after)).toMatchObject([{ loadBalancing: 'weighted' }, { loadBalancing: 'least-connections' }]);
    await expect(runOperation(t.db, admin, updateUpstream, { apiSlug: 'geo', targets: [{ url: 'ftp://x' }] })).rejects.toMatchObject({ invalidParams: [{ name: 'targets[0].url' }] });
  });

  it('sets deprecatedAt when an API is deprecated and clears it when the deprecation is withdrawn', async () => {
    await runOperation(t.db, admin, createApi, { slug: 'old', name: 'Old', basePath: '/old', status: 'published' });
    const started = Date.now();
    await runOperation(t.db, admin, updateApi, { apiSlug: 'old', status: 'deprecated', sunsetAt: '2031-01-01T00:00:00Z' });
    const deprecated = await t.db.api.findUniqueOrThrow({ where: { slug: 'old' } });
    expect(deprecated.deprecatedAt!.getTime()).toBeGreaterThanOrEqual(started - 5_000);
    await runOperation(t.db, admin, updateApi, { apiSlug: 'old', sunsetAt: '2032-01-01T00:00:00Z' });
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'old' } })).deprecatedAt).toEqual(deprecated.deprecatedAt);
    await runOperation(t.db, admin, updateApi, { apiSlug: 'old', status: 'published' });
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'old' } })).deprecatedAt).toBeNull();
  });

  it('lists APIs matching a search, sorted by name either way, in pages that neither skip nor repeat', async () => {
    for (const [slug, name] of [['a-one', 'Zeta'], ['a-two', 'Alpha'], ['a-three', 'Alpha'], ['b-four', 'Mid']]) {
      await runOperation(t.db, admin, createApi, { slug, name, basePath: `/${slug}` });
    }
    expect((await runOperation(t.db, admin, listApis, { q: 'ALPH' })).items.map((api) => api.slug)).toEqual(['a-three', 'a-two']);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await runOperation(t.db, admin, listApis, { q: 'a-', sort: '-name', limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((api) => api.slug));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['a-one', 'a-two', 'a-three']);
  });
});
