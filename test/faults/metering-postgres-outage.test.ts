// PostgreSQL stopped under load, then started again: the gateway keeps answering, usage
// piles up in the spool, drains when PostgreSQL is back, and the count equals the
// requests answered, nothing counted twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { applyMeteringConfig, sleep, startLoad, startPrivatePostgres, storedUsage, type PrivatePostgres } from './metering-fixture';

let postgres: PrivatePostgres;
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream();
  key = await applyMeteringConfig(postgres.db, upstream.url);
  gateway = await startTestGateway(postgres.dbUrl, { GATEWAY_USAGE_FLUSH_MS: 200 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

async function spoolBytes(): Promise<number> {
  const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return Number(/^tollgate_gateway_spool_bytes (\S+)$/m.exec(metrics)?.[1] ?? Number.NaN);
}

it('counts every answered request exactly once across a 30 s PostgreSQL outage (as the issue asks)', { timeout: 180_000 }, async () => {
  const load = startLoad(() => gateway.url, key, 6);
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(50), 30_000);
  await postgres.pause();
  const answeredBefore = load.result.completed;
  await sleep(30_000);
  // The gateway kept answering from memory while usage piled up in the spool.
  expect(load.result.completed).toBeGreaterThan(answeredBefore + 50);
  expect(await spoolBytes()).toBeGreaterThan(0);
  await postgres.start();
  const restartedAt = load.result.completed;
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(restartedAt + 50), 30_000);
  const result = await load.stop();
  expect(result.failed).toBe(0);
  expect(result.completed).toBe(result.sent);

  await eventually(async () => expect((await storedUsage(postgres.db)).log).toBe(result.completed), 60_000);
  expect(await storedUsage(postgres.db)).toEqual({
    log: result.completed,
    distinctIds: result.completed,
    rollups: result.completed,
    units: result.completed,
    batchEvents: result.completed,
  });
});
