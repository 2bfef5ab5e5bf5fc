import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageBatchInput } from './ingest-usage-batch';
import { encodeRequestLogRow, type RequestLogRow } from './request-log-copy';
import { createUsageStore } from './usage-store';

const t = useTestDatabase();
const store = () => (storeInstance ??= createUsageStore(t.url));
let storeInstance: ReturnType<typeof createUsageStore> | undefined;
afterAll(async () => storeInstance?.close());

const keys: string[] = [];
beforeAll(async () => {
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme', apps: { create: { slug: 'acme-app', name: 'Acme App' } } }, include: { apps: true } });
  for (const name of ['a', 'b', 'c']) {
    const key = await t.db.apiKey.create({ data: { appId: team.apps[0]!.id, name, prefix: `tg_live_${name}`, hash: name.repeat(64) } });
    keys.push(key.id);
  }
});

const call = (keyId: string | undefined, time: string): RequestLogRow => ({
  id: randomUUID(), time, gatewayId: 'gw-1', keyId, method: 'GET', path: '/x', status: 200, latencyMs: 1, bytesIn: 0, bytesOut: 0, units: 1,
});

function batch(id: string, rows: RequestLogRow[]): UsageBatchInput {
  const times = rows.map((row) => row.time).sort();
  return { id, gatewayId: 'gw-1', rows: Buffer.from(rows.map((row) => encodeRequestLogRow(id, row)).join('')), eventCount: rows.length, firstAt: times[0]!, lastAt: times.at(-1)!, rollups: [] };
}

const lastUsed = async () => (await t.db.apiKey.findMany({ where: { id: { in: keys } }, orderBy: { name: 'asc' } })).map((key) => key.lastUsedAt?.toISOString() ?? null);

describe('api_keys.lastUsedAt from the usage flush', () => {
  it('is the latest call of each key in the batch, to the millisecond, and never moves back', async () => {
    const [a, b] = keys as [string, string];
    await store().ingest(batch('spool:1:0', [call(a, '2026-12-06T10:00:01.250Z'), call(a, '2026-12-06T10:02:30.999Z'), call(b, '2026-12-06T10:01:00.000Z'), call(undefined, '2026-12-06T10:03:00.000Z')]));
    expect(await lastUsed()).toEqual(['2026-12-06T10:02:30.999Z', '2026-12-06T10:01:00.000Z', null]);
    // A late batch (an older spool flushed after a restart) leaves the later time in place.
    await store().ingest(batch('spool:0:0', [call(a, '2026-12-06T09:00:00.000Z'), call(b, '2026-12-06T10:05:00.000Z')]));
    expect(await lastUsed()).toEqual(['2026-12-06T10:02:30.999Z', '2026-12-06T10:05:00.000Z', null]);
    // A replayed batch changes nothing.
    await t.db.apiKey.update({ where: { id: a }, data: { lastUsedAt: null } });
    await store().ingest(batch('spool:1:0', [call(a, '2026-12-06T10:00:01.250Z')]));
    expect((await lastUsed())[0]).toBeNull();
  });

  it('lets concurrent flushes touching the same keys in opposite orders all commit', async () => {
    const [a, b, c] = keys as [string, string, string];
    const orders = [[a, b, c], [c, b, a], [b, c, a], [c, a, b]];
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => store().ingest(batch(`spool:c:${i}`, orders[i % 4]!.map((key, j) => call(key, `2026-12-07T00:00:${String(i).padStart(2, '0')}.${j}00Z`))))),
    );
    expect(results.every((result) => result.stored)).toBe(true);
    expect(await lastUsed()).toEqual(['2026-12-07T00:00:15.100Z', '2026-12-07T00:00:15.200Z', '2026-12-07T00:00:15.000Z']);
  });
});
