// PostgreSQL slowed (a session of the test holds ACCESS EXCLUSIVE locks on every table the
// usage flusher and the config follow touch) and the gateway's sessions terminated while
// requests flow, on a private PostgreSQL: every request is answered from the snapshot, no
// answer waits on the lock, and once the lock goes the usage drains, nothing lost or doubled.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { applyMeteringConfig, sleep, startLoad, startPrivatePostgres, storedUsage, type PrivatePostgres } from './metering-fixture';

const LOCKED_TABLES = ['request_log', 'usage_rollups', 'usage_batches', 'gateway_instances', 'config_state', 'config_changes'];
const HOLD_MS = 8_000;
const FAULT_APP = 'tollgate-fault-test';

let postgres: PrivatePostgres;
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream();
  key = await applyMeteringConfig(postgres.db, upstream.url);
  gateway = await startTestGateway(postgres.dbUrl, { GATEWAY_USAGE_FLUSH_MS: 200, GATEWAY_HEARTBEAT_MS: 500 });
}, 120_000);

afterAll(async () => {
  await Promise.all(faultClients.map((client) => client.end().catch(() => undefined)));
  await gateway?.close();
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

const faultClients: pg.Client[] = [];

async function faultClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: postgres.dbUrl, application_name: FAULT_APP });
  // A test that fails midway leaves it open until PostgreSQL stops, which ends its session.
  client.on('error', () => undefined);
  faultClients.push(client);
  await client.connect();
  return client;
}

/** Terminates every session but the test's own; resolves with how many went. */
async function terminateOthers(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> $1 AND backend_type = 'client backend'`,
    [FAULT_APP],
  );
  await client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [rows.map((row) => row.pid)]);
  return rows.length;
}

async function spooledEvents(): Promise<{ flushed: number; failures: number }> {
  const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
  return { flushed: read('tollgate_gateway_usage_events_flushed_total'), failures: read('tollgate_gateway_usage_flush_failures_total') };
}

it('serves every request while PostgreSQL is locked and its sessions are killed, then stores each once', { timeout: 60_000 }, async () => {
  const locker = await faultClient();
  const killer = await faultClient();
  const load = startLoad(() => gateway.url, key, 6);
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(30), 20_000);
  // The flusher runs every 200 ms; on a busy machine the first flush may come after 30 answers.
  await eventually(async () => expect((await spooledEvents()).flushed).toBeGreaterThan(0), 20_000);

  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${LOCKED_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const lockedAt = load.result.completed;
  const flushedAtLock = (await spooledEvents()).flushed;
  // The flusher and the heartbeat now wait on the lock; kill their sessions twice while it holds.
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(lockedAt + 30), 20_000);
  const killedLocked = await terminateOthers(killer);
  const lockEnds = performance.now() + HOLD_MS;
  let killedAgain = 0;
  while (performance.now() < lockEnds) {
    await sleep(500);
    if (killedAgain === 0 && performance.now() > lockEnds - HOLD_MS / 2) killedAgain = await terminateOthers(killer);
  }
  // Nothing reached the locked tables (the fault held), yet requests kept being answered.
  expect((await spooledEvents()).flushed).toBe(flushedAtLock);
  const answeredLocked = load.result.completed - lockedAt;
  await locker.query('COMMIT');

  // Sessions killed once more after the lock, with the flusher catching up.
  const releasedAt = load.result.completed;
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(releasedAt + 30), 20_000);
  const killedAfter = await terminateOthers(killer);
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(releasedAt + 60), 20_000);
  const result = await load.stop();
  await Promise.all([locker.end(), killer.end()]);

  console.log(`locked ${HOLD_MS} ms: ${answeredLocked} answers, slowest of all ${Math.round(result.slowestMs)} ms; sessions killed ${killedLocked}, ${killedAgain}, ${killedAfter}`);
  expect(killedLocked + killedAgain + killedAfter).toBeGreaterThan(0);
  expect(result.failed).toBe(0);
  expect(result.completed).toBe(result.sent);
  expect(answeredLocked).toBeGreaterThan(50);
  // No answer waited on the lock.
  expect(result.slowestMs).toBeLessThan(HOLD_MS / 2);

  await eventually(async () => expect((await storedUsage(postgres.db)).log).toBe(result.completed), 30_000);
  expect(await storedUsage(postgres.db)).toEqual({
    log: result.completed,
    distinctIds: result.completed,
    rollups: result.completed,
    units: result.completed,
    batchEvents: result.completed,
  });
});
