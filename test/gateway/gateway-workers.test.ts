// GATEWAY_WORKERS=2: the gateway as `npm start` runs it, a primary with two worker
// processes sharing the data port. Both workers answer, the primary's /metrics carries
// each worker's series, a killed worker is replaced, and SIGTERM drains and exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTestConfig, eventually, tempSnapshotPath } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { freePort } from '../setup/services';

const t = useTestDatabase();
const GATEWAY_DIR = fileURLToPath(new URL('../../apps/gateway', import.meta.url));
let upstream: TestUpstream;
let child: ChildProcess;
let exit: Promise<number | null>;
let stdout = '';
let port: number;
let adminPort: number;

interface Ready {
  status: string;
  revision: number;
  workers: { id: number; pid: number; revision: number | null }[];
}

beforeAll(async () => {
  upstream = await startTestUpstream();
  await applyTestConfig(t.db, upstream.url);
  [port, adminPort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: GATEWAY_DIR,
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      GATEWAY_WORKERS: '2',
      GATEWAY_PORT: String(port),
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_ADMIN_PORT: String(adminPort),
      GATEWAY_SNAPSHOT_PATH: tempSnapshotPath(),
      GATEWAY_SPOOL_DIR: mkdtempSync(join(tmpdir(), 'tollgate-spool-')),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.resume();
  exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await eventually(async () => expect((await readyz()).workers.filter((worker) => worker.revision !== null)).toHaveLength(2), 90_000);
}, 120_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await upstream?.close();
});

async function readyz(): Promise<Ready> {
  const response = await fetch(`http://127.0.0.1:${adminPort}/readyz`);
  expect(response.status).toBe(200);
  return (await response.json()) as Ready;
}

/** One request on a connection of its own, so the cluster hands each to the next worker. */
function callOnNewConnection(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/weather/public/status', agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const served = (metrics: string, worker: number) =>
  Number(new RegExp(`tollgate_gateway_requests_total\\{[^}]*route="GET /public/status"[^}]*worker="${worker}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);

describe('GATEWAY_WORKERS=2', () => {
  it('serves from both workers and reports each one in the primary’s /readyz and /metrics', { timeout: 60_000 }, async () => {
    const ready = await readyz();
    expect(ready.workers.map((worker) => worker.id).sort()).toEqual([1, 2]);
    expect(new Set(ready.workers.map((worker) => worker.pid)).size).toBe(2);
    for (let i = 0; i < 30; i++) expect(await callOnNewConnection()).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${adminPort}/metrics`)).text();
    expect(served(metrics, 1)).toBeGreaterThan(0);
    expect(served(metrics, 2)).toBeGreaterThan(0);
    expect(served(metrics, 1) + served(metrics, 2)).toBe(30);
    expect(metrics).toMatch(/process_resident_memory_bytes\{worker="1"\}/);
  });

  it('replaces a worker that dies', { timeout: 90_000 }, async () => {
    const before = await readyz();
    const victim = before.workers.find((worker) => worker.id === 1)!;
    process.kill(victim.pid, 'SIGKILL');
    await eventually(async () => {
      const workers = (await readyz()).workers;
      const replaced = workers.find((worker) => worker.id === 1);
      expect(replaced?.pid).not.toBe(victim.pid);
      expect(replaced?.revision).not.toBeNull();
    }, 60_000);
    expect(await callOnNewConnection()).toBe(200);
  });

  it('drains and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stdout.match(/"msg":"gateway stopped"/g)).toHaveLength(3);
    await expect(callOnNewConnection()).rejects.toThrow();
  });
});
