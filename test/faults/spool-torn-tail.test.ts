// A gateway process killed in the middle of writing a usage event leaves half a record
// at the end of its spool. The next start on the same spool checks every record's CRC:
// the torn one is set aside (counted and logged), the good ones before it are stored,
// and the records written after the restart keep flowing into PostgreSQL.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { killGatewayProcesses, startGatewayProcess } from '../support/gateway-process';
import { applyMeteringConfig, startPrivatePostgres, storedUsage, type PrivatePostgres } from './metering-fixture';

const spoolDir = join(mkdtempSync(join(tmpdir(), 'tollgate-torn-')), 'spool');
let postgres: PrivatePostgres;
let upstream: TestUpstream;
let key: string;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream();
  key = await applyMeteringConfig(postgres.db, upstream.url);
}, 120_000);

afterAll(async () => {
  killGatewayProcesses();
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

async function callTimes(url: string, count: number, tag: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/weather/forecast/${tag}-${i}`, { headers: { 'x-api-key': key } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  }
}

function lastSegment(): string {
  const segments = readdirSync(spoolDir)
    .filter((name) => name.startsWith('segment-'))
    .sort();
  return join(spoolDir, segments.at(-1)!);
}

it('sets a torn tail aside by its checksum, counts and logs it, and keeps flushing the records after it', { timeout: 120_000 }, async () => {
  // The first gateway never flushes by itself: its 20 events are still in the spool when it dies.
  const first = await startGatewayProcess({ env: { DATABASE_URL: postgres.dbUrl, GATEWAY_SPOOL_DIR: spoolDir, GATEWAY_USAGE_FLUSH_MS: '600000' } });
  await callTimes(first.url, 20, 'before');
  first.child.kill('SIGKILL');
  await first.exit;

  // The crash tore the record being written: half of a real line, no newline.
  const segment = lastSegment();
  const lines = readFileSync(segment, 'utf8').split('\n').filter(Boolean);
  expect(lines).toHaveLength(20);
  const whole = `${lines.at(-1)!}\n`;
  appendFileSync(segment, whole.slice(0, Math.floor(whole.length / 2)));

  const second = await startGatewayProcess({ env: { DATABASE_URL: postgres.dbUrl, GATEWAY_SPOOL_DIR: spoolDir, GATEWAY_USAGE_FLUSH_MS: '200' } });
  await callTimes(second.url, 15, 'after');
  await eventually(async () => expect((await storedUsage(postgres.db)).log).toBe(35), 30_000);
  expect(await storedUsage(postgres.db)).toEqual({ log: 35, distinctIds: 35, rollups: 35, units: 35, batchEvents: 35 });
  expect(await second.metric('tollgate_gateway_usage_spool_corrupt_records_total')).toBe(1);
  const torn = second.logs.filter((line) => typeof line.msg === 'string' && line.msg.includes('torn record'));
  expect(torn).toHaveLength(1);
  expect(torn[0]).toMatchObject({ level: 40, segment: Number(/segment-(\d+)/.exec(segment)![1]) });

  second.child.kill('SIGTERM');
  expect(await second.exit).toBe(0);
});
