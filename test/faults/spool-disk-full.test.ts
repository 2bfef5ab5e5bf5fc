// The usage spool's disk fills up for real (a 2 MiB tmpfs mounted by the test, filled by a
// file beside the spool): billable calls are answered 503 metering_unavailable
// (problem+json) with an alert (a gauge, a counter and an error log line) instead of being
// served unrecorded; keyless calls keep being served; once the file is removed the
// gateway serves billable calls again and their usage reaches PostgreSQL. The one event
// whose write met the full disk is counted as dropped, never lost silently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { applyTestConfig, eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';

const t = useTestDatabase();
const mountPoint = mkdtempSync(join(tmpdir(), 'tollgate-full-disk-'));
const filler = join(mountPoint, 'filler');
const logs: Array<{ level: number; msg: string }> = [];
let mounted = false;
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;

beforeAll(async () => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tollgate-spool-test', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    throw new Error(`this test mounts a 2 MiB tmpfs for the spool and needs root (CAP_SYS_ADMIN), as the CI machine has: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  gateway = await startTestGateway(
    t.url,
    { GATEWAY_SPOOL_DIR: join(mountPoint, 'spool'), GATEWAY_USAGE_FLUSH_MS: 100, LOG_LEVEL: 'warn' },
    { logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as { level: number; msg: string }) } },
  );
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

async function billable(tag: string): Promise<{ status: number; body: Record<string, unknown> | string; retryAfter: string | null; type: string | null }> {
  const response = await fetch(`${gateway.url}/weather/forecast/${tag}`, { headers: { 'x-api-key': key } });
  const text = await response.text();
  const type = response.headers.get('content-type');
  return { status: response.status, body: type === 'application/problem+json' ? (JSON.parse(text) as Record<string, unknown>) : text, retryAfter: response.headers.get('retry-after'), type };
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

/** Fills the filesystem to the last byte with a file of its own. */
function fillDisk(): void {
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
}

const storedBillable = async () => t.db.requestLog.count({ where: { status: 200, units: { gt: 0 } } });

it('sheds billable calls with 503 and an alert while the spool disk is full, and serves them again once it has room', { timeout: 60_000 }, async () => {
  let served = 0;
  for (let i = 0; i < 5; i++) expect((await billable(`before-${i}`)).status).toBe(200);
  served += 5;

  fillDisk();
  // The first calls may still fit in the spool's last page; the one whose event meets the full disk is the last served.
  let refused: Awaited<ReturnType<typeof billable>> | undefined;
  for (let i = 0; i < 50 && refused === undefined; i++) {
    const answer = await billable(`filling-${i}`);
    if (answer.status === 200) served++;
    else refused = answer;
  }
  expect(refused).toMatchObject({ status: 503, type: 'application/problem+json', retryAfter: '5', body: { status: 503, code: 'metering_unavailable' } });
  expect(await billable('while-full')).toMatchObject({ status: 503 });
  // Keyless calls are never billed: they are still served.
  expect((await fetch(`${gateway.url}/weather/public/status`)).status).toBe(200);

  expect(await metric('tollgate_gateway_usage_spool_disk_full')).toBe(1);
  expect(await metric('tollgate_gateway_usage_requests_shed_total')).toBe(2);
  expect(await metric('tollgate_gateway_usage_events_dropped_total')).toBeGreaterThanOrEqual(1);
  expect(logs.filter((line) => line.level === 50 && line.msg.startsWith('USAGE SPOOL DISK FULL'))).toHaveLength(1);

  rmSync(filler);
  await eventually(async () => expect((await billable('room-again')).status).toBe(200), 10_000);
  served++;
  expect(await metric('tollgate_gateway_usage_spool_disk_full')).toBe(0);
  for (let i = 0; i < 5; i++) expect((await billable(`after-${i}`)).status).toBe(200);
  served += 5;

  // Everything served was stored, but for the one event whose write met the full disk (counted as dropped above).
  await eventually(async () => expect(await storedBillable()).toBe(served - 1), 10_000);
});
