// A gateway process killed with SIGKILL under load, then started again on the same
// spool: every response the client received in full is counted, nothing is counted
// that was not sent, and no batch is counted twice.
//
// Steady on a busy machine: every wait is on a condition with a generous bound (the
// processes compile their sources as they start), and the second start may fall back to
// the first's disk snapshot if PostgreSQL is slow to answer, as a restart would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, tempSnapshotPath } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { applyMeteringConfig, startLoad, startPrivatePostgres, storedUsage, type PrivatePostgres } from './metering-fixture';

const spoolDir = join(mkdtempSync(join(tmpdir(), 'tollgate-sigkill-')), 'spool');
const snapshotPath = tempSnapshotPath();
let postgres: PrivatePostgres;
let upstream: TestUpstream;
let key: string;
const gateways: GatewayProcess[] = [];

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream();
  key = await applyMeteringConfig(postgres.db, upstream.url);
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.kill()));
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

async function startGateway(): Promise<GatewayProcess> {
  const gateway = await startGatewayProcess({
    env: { DATABASE_URL: postgres.dbUrl, GATEWAY_SNAPSHOT_PATH: snapshotPath, GATEWAY_SPOOL_DIR: spoolDir, GATEWAY_USAGE_FLUSH_MS: '200' },
  });
  gateways.push(gateway);
  return gateway;
}

it('counts >= responses received in full and <= requests sent after a SIGKILL, no batch twice', { timeout: 240_000 }, async () => {
  const first = await startGateway();
  let url = first.url;
  const load = startLoad(() => url, key, 6);
  // Killed once it has answered a good number and flushed some of them.
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(100), 60_000);
  await eventually(async () => expect((await storedUsage(postgres.db)).log).toBeGreaterThan(0), 60_000);
  await first.kill('SIGKILL');
  const result = await load.stop();

  // The second gateway drains what the first left in the spool (and flushes its own).
  const second = await startGateway();
  url = second.url;
  await eventually(async () => expect((await storedUsage(postgres.db)).log).toBeGreaterThanOrEqual(result.completed), 60_000);
  // Then nothing more arrives: the count holds still across a few flush periods.
  let last = -1;
  let stableSince = 0;
  await eventually(async () => {
    const { log } = await storedUsage(postgres.db);
    if (log !== last) [last, stableSince] = [log, performance.now()];
    expect(performance.now() - stableSince).toBeGreaterThan(1_000);
  }, 60_000);
  const stored = await storedUsage(postgres.db);
  expect(stored.log).toBeGreaterThanOrEqual(result.completed);
  expect(stored.log).toBeLessThanOrEqual(result.sent);
  // One row per request id, and every batch counted once: rollups and batch sizes add up
  // to exactly the logged events (a batch stored twice would push them above).
  expect(stored).toEqual({ log: stored.log, distinctIds: stored.log, rollups: stored.log, units: stored.log, batchEvents: stored.log });
  expect(await second.kill('SIGTERM')).toBe(0);
});
