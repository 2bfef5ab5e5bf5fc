// Two gateway instances (separate listeners, one database) both see a revoked key and a
// new route within a second, through LISTEN/NOTIFY alone: their heartbeat is a minute.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, revokeApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { applyTestConfig, eventually, startTestGateway, testConfig } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateways: RunningGateway[] = [];
let key: string;
let keyId: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key, keyId } = await applyTestConfig(t.db, upstream.url));
  gateways = await Promise.all([1, 2].map((n) => startTestGateway(t.url, { GATEWAY_INSTANCE_ID: `gw-two-${n}`, GATEWAY_HEARTBEAT_MS: 60_000 })));
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await upstream?.close();
});

const call = (gateway: RunningGateway, path: string) => fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

/** Milliseconds until `check` passes on every gateway, polled together from the moment of the change. */
async function untilAll(check: (gateway: RunningGateway) => Promise<void>): Promise<number[]> {
  return Promise.all(gateways.map((gateway) => eventually(() => check(gateway), 1_000)));
}

describe('two gateway instances', () => {
  it('both serve the same revision to start with', async () => {
    for (const gateway of gateways) expect((await call(gateway, '/weather/forecast/paris')).status).toBe(200);
    expect(gateways[0]!.revision).toBe(gateways[1]!.revision);
  });

  it('both refuse a revoked key within a second', async () => {
    await revokeApiKey(t.db, keyId);
    const took = await untilAll(async (gateway) => expect((await call(gateway, '/weather/forecast/paris')).status).toBe(401));
    for (const ms of took) expect(ms).toBeLessThan(1_000);
  });

  it('both serve a route added by apply within a second', async () => {
    const config = testConfig(upstream.url);
    const weather = config.apis.find((api) => api.slug === 'weather')!;
    const next = ZConfigFile.parse({ ...config, apis: config.apis.map((api) => (api === weather ? { ...api, routes: [...api.routes, { path: '/alerts', methods: ['GET'], auth: 'none' }] } : api)) });
    for (const gateway of gateways) expect((await call(gateway, '/weather/alerts')).status).toBe(404);
    await applyConfig(t.db, next, { baseDir: process.cwd() });
    const took = await untilAll(async (gateway) => expect((await call(gateway, '/weather/alerts')).status).toBe(200));
    for (const ms of took) expect(ms).toBeLessThan(1_000);
    const revision = Number((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision);
    expect(gateways.map((gateway) => gateway.revision)).toEqual([revision, revision]);
  });
});
