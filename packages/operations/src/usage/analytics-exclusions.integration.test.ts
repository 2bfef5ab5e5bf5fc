import { Prisma } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { flushUsageEvents } from '../../../../test/support/flush-usage-events';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { updateApp } from '../apps/update-app';
import { getKey } from '../keys/get-key';
import { updateKey } from '../keys/update-key';
import { analyticsExclusionSql, readAnalyticsExclusions } from './analytics-exclusions';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };

let seeded: ReturnType<typeof seedOnce> | undefined;
const seed = () => (seeded ??= seedOnce());

async function seedOnce() {
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather' } });
  const kept = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  const abusive = await t.db.app.create({ data: { slug: 'scraper', name: 'Scraper', teamId: team.id } });
  const live = await t.db.apiKey.create({ data: { appId: kept.id, prefix: 'tg_live_aaaa', hash: 'a'.repeat(64) } });
  const test = await t.db.apiKey.create({ data: { appId: kept.id, prefix: 'tg_test_bbbb', hash: 'b'.repeat(64), environment: 'test' } });
  const time = new Date().toISOString();
  const call = { time, apiId: api.id, routeKey: 'GET /forecast/{city}', status: 200, latencyMs: 10, units: 1 };
  await flushUsageEvents(t.url, [
    { ...call, appId: kept.id, keyId: live.id, count: 3 },
    { ...call, appId: kept.id, keyId: test.id, count: 5 },
    { ...call, appId: abusive.id, count: 7 },
    { ...call, count: 11 },
  ]);
  return { test };
}

async function countedCalls(alias: 'l' | 'r'): Promise<number> {
  const condition = analyticsExclusionSql(await readAnalyticsExclusions(t.db), alias);
  const where = condition ? Prisma.sql`WHERE ${condition}` : Prisma.empty;
  const table = alias === 'l' ? Prisma.sql`usage_rollups l` : Prisma.sql`(SELECT * FROM usage_rollups) r`;
  const [row] = await t.db.$queryRaw<{ calls: bigint | null }[]>`SELECT sum(count)::bigint AS calls FROM ${table} ${where}`;
  return Number(row?.calls ?? 0);
}

describe('analytics exclusions', () => {
  it('an admin marks an app and a key through their PATCH operations; the condition leaves exactly their calls out', async () => {
    const { test } = await seed();
    expect(await readAnalyticsExclusions(t.db)).toEqual({ appIds: [], keyIds: [] });
    expect(analyticsExclusionSql({ appIds: [], keyIds: [] })).toBeNull();
    expect(await countedCalls('l')).toBe(26);

    const app = await runOperation(t.db, admin, updateApp, { appSlug: 'scraper', excludedFromAnalytics: true });
    expect(app).toMatchObject({ slug: 'scraper', excludedFromAnalytics: true });
    expect(await countedCalls('l')).toBe(19);

    const key = await runOperation(t.db, admin, updateKey, { id: test.id, excludedFromAnalytics: true });
    expect(key).toMatchObject({ prefix: 'tg_test_bbbb', excludedFromAnalytics: true });
    // Calls without an app or key (refused credentials) stay in.
    expect(await countedCalls('l')).toBe(14);
    expect(await countedCalls('r')).toBe(14);

    await runOperation(t.db, admin, updateKey, { id: test.id, excludedFromAnalytics: false });
    expect(await countedCalls('l')).toBe(19);
    expect(await t.db.auditLog.count({ where: { action: 'keys.update' } })).toBe(2);
  });

  it('a viewer cannot change it, an unknown key is a 404 and a bad body names the field', async () => {
    const { test } = await seed();
    await expect(runOperation(t.db, viewer, updateKey, { id: test.id, excludedFromAnalytics: true })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, admin, updateKey, { id: '00000000-0000-4000-8000-000000000000', excludedFromAnalytics: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, admin, updateKey, { id: test.id, excludedFromAnalytics: 'yes' })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [expect.objectContaining({ name: 'excludedFromAnalytics' })],
    });
    expect((await runOperation(t.db, viewer, getKey, { id: test.id })).excludedFromAnalytics).toBe(false);
  });
});
