// The config plane goes away and comes back, on a private PostgreSQL: a gateway under
// load answers every request while it is stopped, a gateway started meanwhile serves the
// disk snapshot, and a change made once PostgreSQL is back reaches both through LISTEN.
import { revokeApiKey } from '@tollgate/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { applyTestConfig, eventually, startTestGateway, tempSnapshotPath } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { startLoad, startPrivatePostgres, type PrivatePostgres } from './metering-fixture';

let postgres: PrivatePostgres;
let upstream: TestUpstream;
let first: RunningGateway;
let second: RunningGateway | undefined;
let key: string;
let keyId: string;
const snapshotPath = tempSnapshotPath();

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream();
  ({ key, keyId } = await applyTestConfig(postgres.db, upstream.url));
  // A heartbeat slower than the test, so only the reconnect can explain catching up.
  first = await startTestGateway(postgres.dbUrl, { GATEWAY_SNAPSHOT_PATH: snapshotPath, GATEWAY_HEARTBEAT_MS: 60_000 });
  await eventually(async () => expect((await readyz(first)).revision).toBe(first.revision), 5_000);
}, 120_000);

afterAll(async () => {
  await second?.close();
  await first?.close();
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

async function readyz(gateway: RunningGateway): Promise<{ status: string; revision: number; source: string }> {
  const response = await fetch(`${gateway.adminUrl}/readyz`);
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; revision: number; source: string };
}

const call = (gateway: RunningGateway) => fetch(`${gateway.url}/weather/forecast/paris`, { headers: { 'x-api-key': key } });

describe('PostgreSQL outage', () => {
  it('a gateway under load answers every request while PostgreSQL is stopped', { timeout: 60_000 }, async () => {
    const load = startLoad(() => first.url, key, 6);
    await eventually(async () => expect(load.result.completed).toBeGreaterThan(20), 20_000);
    await postgres.pause();
    const before = load.result.completed;
    // pause() returns once PostgreSQL has stopped: what is answered now is answered without it.
    await eventually(async () => expect(load.result.completed).toBeGreaterThan(before + 50), 30_000);
    expect(await readyz(first)).toMatchObject({ status: 'ready', source: 'database' });
    const result = await load.stop();
    expect(result.failed).toBe(0);
    expect(result.completed).toBe(result.sent);
  });

  it('a gateway started while PostgreSQL is down serves the disk snapshot', { timeout: 60_000 }, async () => {
    second = await startTestGateway(postgres.dbUrl, { GATEWAY_SNAPSHOT_PATH: snapshotPath, GATEWAY_HEARTBEAT_MS: 60_000 });
    expect(await readyz(second)).toMatchObject({ status: 'ready', source: 'disk', revision: first.revision });
    expect((await call(second)).status).toBe(200);
    expect(await fetch(`${second.adminUrl}/metrics`).then((response) => response.text())).toContain('tollgate_gateway_config_source{source="disk"} 1');
  });

  // Revocation within a second is timed on an idle machine by the config-follow tests; here the
  // bound only has to rule out the 60 s heartbeat, so a loaded machine does not fail it.
  it('a change made after PostgreSQL returns reaches both gateways through LISTEN, long before the heartbeat', { timeout: 60_000 }, async () => {
    await postgres.start();
    await eventually(async () => {
      await postgres.db.$queryRaw`SELECT 1`;
    }, 10_000);
    await revokeApiKey(postgres.db, keyId);
    const took = await Promise.all([first, second!].map((gateway) => eventually(async () => expect((await call(gateway)).status).toBe(401), 15_000)));
    console.log(`revocation reached the gateways in ${took.join(' and ')} ms after PostgreSQL returned`);
    for (const ms of took) expect(ms).toBeLessThan(15_000);
    await eventually(async () => expect((await readyz(second!)).source).toBe('database'), 15_000);
  });
});
