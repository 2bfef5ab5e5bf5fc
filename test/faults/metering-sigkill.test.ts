// A gateway process killed with SIGKILL under load, then started again on the same
// spool: every response the client received in full is counted, nothing is counted
// that was not sent, and no batch is counted twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, tempSnapshotPath } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { applyMeteringConfig, sleep, startLoad, startPrivatePostgres, storedUsage, type PrivatePostgres } from './metering-fixture';

const GATEWAY_DIR = fileURLToPath(new URL('../../apps/gateway', import.meta.url));
const spoolDir = join(mkdtempSync(join(tmpdir(), 'tollgate-sigkill-')), 'spool');
let postgres: PrivatePostgres;
let upstream: TestUpstream;
let key: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream();
  key = await applyMeteringConfig(postgres.db, upstream.url);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

/** Starts `npm start`'s gateway as a child process; resolves with its data URL. */
async function startGatewayProcess(): Promise<{ child: ChildProcess; url: string; exit: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: GATEWAY_DIR,
    env: {
      ...process.env,
      DATABASE_URL: postgres.dbUrl,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_ADMIN_PORT: '0',
      GATEWAY_SNAPSHOT_PATH: tempSnapshotPath(),
      GATEWAY_SPOOL_DIR: spoolDir,
      GATEWAY_USAGE_FLUSH_MS: '200',
      REDIS_URL: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exit = new Promise((resolve) => child.once('exit', resolve));
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.resume();
  let url = '';
  await eventually(async () => {
    url = /"url":"(http:\/\/[^"]+)"/.exec(stdout)?.[1] ?? '';
    expect(url).not.toBe('');
  }, 60_000);
  return { child, url, exit };
}

it('counts >= responses received in full and <= requests sent after a SIGKILL, no batch twice', { timeout: 240_000 }, async () => {
  const first = await startGatewayProcess();
  let url = first.url;
  const load = startLoad(() => url, key, 6);
  await sleep(3_000);
  first.child.kill('SIGKILL');
  await first.exit;
  const result = await load.stop();
  expect(result.completed).toBeGreaterThan(50);

  // The second gateway drains what the first left in the spool (and flushes its own).
  const second = await startGatewayProcess();
  url = second.url;
  let last = -1;
  await eventually(async () => {
    const { log } = await storedUsage(postgres.db);
    const stable = log === last;
    last = log;
    expect(stable && log >= result.completed).toBe(true);
  }, 60_000);
  await sleep(1_000);
  const stored = await storedUsage(postgres.db);
  expect(stored.log).toBeGreaterThanOrEqual(result.completed);
  expect(stored.log).toBeLessThanOrEqual(result.sent);
  // One row per request id, and every batch counted once: rollups and batch sizes add up
  // to exactly the logged events (a batch stored twice would push them above).
  expect(stored).toEqual({ log: stored.log, distinctIds: stored.log, rollups: stored.log, units: stored.log, batchEvents: stored.log });
  second.child.kill('SIGTERM');
  await second.exit;
});
