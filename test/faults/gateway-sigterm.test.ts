// SIGTERM to a gateway process under load: /readyz turns 503 at once, slow requests in
// flight finish with their 200, a new connection is refused or answered (never left
// hanging or cut), the spool is flushed before the process ends (the gateway's own flush
// timer is set far beyond the test, so only the shutdown flush can store the events),
// and the process exits 0.
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from '../../apps/gateway/src/testing/test-gateway';
import { echo, startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { killGatewayProcesses, startGatewayProcess } from '../support/gateway-process';
import { applyMeteringConfig, startLoad, startPrivatePostgres, storedUsage, type PrivatePostgres } from './metering-fixture';

const SLOW_MS = 3_000;
let postgres: PrivatePostgres;
let upstream: TestUpstream;
let key: string;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  upstream = await startTestUpstream((req, res, received) => {
    if (req.url?.includes('/slow-')) setTimeout(() => echo(req, res, received), SLOW_MS);
    else echo(req, res, received);
  });
  key = await applyMeteringConfig(postgres.db, upstream.url);
}, 120_000);

afterAll(async () => {
  killGatewayProcesses();
  await upstream?.close();
  await postgres?.db.$disconnect();
  await postgres?.stop();
});

/** A GET on a connection of its own: the status and whole body, or the socket error's code. */
function freshGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { headers, agent: false, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('no answer'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

async function readyz(adminUrl: string): Promise<number> {
  try {
    return (await fetch(`${adminUrl}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

it('goes unready at once, finishes what is in flight, flushes the spool and exits 0', { timeout: 150_000 }, async () => {
  const gateway = await startGatewayProcess({
    env: {
      DATABASE_URL: postgres.dbUrl,
      GATEWAY_SPOOL_DIR: join(mkdtempSync(join(tmpdir(), 'tollgate-sigterm-')), 'spool'),
      GATEWAY_USAGE_FLUSH_MS: '600000',
      GATEWAY_SHUTDOWN_TIMEOUT_MS: '30000',
    },
  });
  expect(await readyz(gateway.adminUrl)).toBe(200);
  const load = startLoad(() => gateway.url, key, 4);
  await eventually(async () => expect(load.result.completed).toBeGreaterThan(30), 30_000);

  const slow = Array.from({ length: 5 }, (_, i) => freshGet(`${gateway.url}/weather/forecast/slow-${i}`, { 'x-api-key': key }));
  await eventually(async () => expect(upstream.received.filter((r) => r.url.includes('/slow-'))).toHaveLength(5), 10_000);
  const signalledAt = Date.now();
  gateway.child.kill('SIGTERM');

  await eventually(async () => expect(await readyz(gateway.adminUrl)).toBe(503), 5_000);
  const unreadyAfterMs = Date.now() - signalledAt;
  // The slow requests are still at the upstream: readiness did not wait for them.
  expect(unreadyAfterMs).toBeLessThan(SLOW_MS);

  // Meanwhile a new connection is refused or answered in full, never hung or cut.
  const late = await freshGet(`${gateway.url}/weather/forecast/late`, { 'x-api-key': key });
  if ('error' in late) expect(late.error).toBe('ECONNREFUSED');
  else expect(late.status).toBe(200);

  const answers = await Promise.all(slow);
  for (const answer of answers) expect(answer).toMatchObject({ status: 200, body: expect.stringContaining('/slow-') });
  const result = await load.stop();
  expect(await gateway.exit).toBe(0);

  // Every response the clients received was counted, by the flush at shutdown.
  const answered = result.completed + answers.length + ('error' in late ? 0 : 1);
  expect(await storedUsage(postgres.db)).toEqual({ log: answered, distinctIds: answered, rollups: answered, units: answered, batchEvents: answered });
  expect(gateway.logs.some((line) => line.msg === 'usage spool flushed')).toBe(true);
  console.log(`SIGTERM: /readyz 503 after ${unreadyAfterMs} ms; late connection: ${JSON.stringify('error' in late ? late : late.status)}; ${answered} answered and stored, ${result.failed} load requests refused after the listener closed`);
});
