import { existsSync, statSync } from 'node:fs';
import { revokeApiKey } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../config/snapshot-file';
import type { RunningGateway } from '../start-gateway';
import { REFUSED_PORT } from '../testing/refused-port';
import { applyTestConfig, eventually, startTestGateway, tempSnapshotPath } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;
let keyId: string;
const snapshotPath = tempSnapshotPath();

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key, keyId } = await applyTestConfig(t.db, upstream.url));
  // A slow heartbeat, so only NOTIFY can explain a change seen within a second.
  gateway = await startTestGateway(t.url, { GATEWAY_SNAPSHOT_PATH: snapshotPath, GATEWAY_HEARTBEAT_MS: 60_000 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function databaseRevision(): Promise<number> {
  return Number((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision);
}

/** Writes config the way any writer does: change rows, bump the revision, NOTIFY. */
async function bumpAndNotify(): Promise<number> {
  const [row] = await t.db.$queryRaw<{ revision: bigint }[]>`UPDATE config_state SET revision = revision + 1, "updatedAt" = now() WHERE id = 1 RETURNING revision`;
  await t.db.$executeRaw`SELECT pg_notify('tollgate_config', ${row!.revision.toString()})`;
  return Number(row!.revision);
}

async function diskRevision(): Promise<number | null> {
  const file = await readSnapshotFile(snapshotPath);
  return file.ok ? file.snapshot.revision : null;
}

const metricsText = () => fetch(`${gateway.adminUrl}/metrics`).then((response) => response.text());
const reloads = (text: string, kind: string) => Number(new RegExp(`tollgate_gateway_config_reloads_total\\{kind="${kind}"\\} (\\d+)`).exec(text)?.[1] ?? 0);

const withKey = (path: string) => fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

describe('admin port', () => {
  it('/healthz answers 200 while the process is up', async () => {
    const response = await fetch(`${gateway.adminUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the revision being served', async () => {
    const response = await fetch(`${gateway.adminUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', revision: await databaseRevision(), source: 'database' });
  });

  it('/metrics exposes request counts, latency, revision and reload duration', async () => {
    await withKey('/weather/forecast/paris');
    const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(text).toMatch(/tollgate_gateway_requests_total\{api="weather",route="GET \/forecast\/\{city\}",status="200"\} \d+/);
    expect(text).toMatch(/tollgate_gateway_request_duration_seconds_bucket\{le="[\d.]+",api="weather",route="GET \/forecast\/\{city\}"\}/);
    expect(text).toContain(`tollgate_gateway_config_revision ${await databaseRevision()}`);
    expect(text).toMatch(/tollgate_gateway_config_reload_duration_seconds_count\{kind="full"\} [1-9]/);
    expect(text).toContain('tollgate_gateway_config_source{source="database"} 1');
    expect(text).toMatch(/tollgate_gateway_config_keys [1-9]/);
    expect(text).toMatch(/process_resident_memory_bytes|nodejs_heap_size_used_bytes/);
  });

  it('answers other paths with a problem', async () => {
    const response = await fetch(`${gateway.adminUrl}/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('following config changes', () => {
  it('writes the snapshot to disk, readable by the owner only', async () => {
    await eventually(async () => expect(existsSync(snapshotPath)).toBe(true), 2_000);
    expect(await diskRevision()).toBe(gateway.revision);
    expect(statSync(snapshotPath).mode & 0o077).toBe(0);
  });

  it('serves a new route within a second of the NOTIFY', async () => {
    expect((await withKey('/weather/alerts')).status).toBe(404);
    const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } });
    await t.db.route.create({ data: { apiId: api.id, key: 'GET /alerts', path: '/alerts', methods: ['GET'] } });
    const revision = await bumpAndNotify();
    const took = await eventually(async () => expect((await withKey('/weather/alerts')).status).toBe(200), 1_000);
    expect(took).toBeLessThan(1_000);
    expect(upstream.received.at(-1)!.url).toBe('/alerts');
    expect(gateway.revision).toBe(revision);
    await eventually(async () => expect(await diskRevision()).toBe(revision), 1_000);
  });

  it('refuses a revoked key within a second, patching the key table instead of reloading everything', async () => {
    expect((await withKey('/weather/forecast/paris')).status).toBe(200);
    const before = await metricsText();
    await revokeApiKey(t.db, keyId);
    await eventually(async () => {
      const response = await withKey('/weather/forecast/paris');
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('revoked_api_key');
    }, 1_000);
    const after = await metricsText();
    expect(reloads(after, 'incremental') - reloads(before, 'incremental')).toBe(1);
    expect(reloads(after, 'full')).toBe(reloads(before, 'full'));
    await eventually(async () => expect(await diskRevision()).toBe(gateway.revision), 2_000);
  });

  it('coalesces a burst of notifications into few reloads and ends on the last revision', async () => {
    const before = await fetch(`${gateway.adminUrl}/metrics`).then((r) => r.text());
    const count = (text: string) => reloads(text, 'full') + reloads(text, 'incremental');
    let last = 0;
    for (let i = 0; i < 10; i++) last = await bumpAndNotify();
    await eventually(async () => expect(gateway.revision).toBe(last), 1_000);
    const after = await fetch(`${gateway.adminUrl}/metrics`).then((r) => r.text());
    expect(count(after) - count(before)).toBeLessThan(10);
  });

  it('listens again after its PostgreSQL session is killed, and keeps serving meanwhile', async () => {
    const listeners = () =>
      t.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN tollgate_config'`;
    const [before] = await listeners();
    expect(before).toBeDefined();
    await t.db.$executeRaw`SELECT pg_terminate_backend(${before!.pid}::int)`;
    expect((await fetch(`${gateway.adminUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/weather/public/status`)).status).toBe(200);
    await eventually(async () => expect((await listeners()).map((row) => row.pid)).not.toContain(before!.pid), 1_000);
    await eventually(async () => expect(await listeners()).toHaveLength(1), 3_000);

    const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } });
    await t.db.route.create({ data: { apiId: api.id, key: 'GET /after-reconnect', path: '/after-reconnect', methods: ['GET'], auth: 'none' } });
    await bumpAndNotify();
    await eventually(async () => expect((await fetch(`${gateway.url}/weather/after-reconnect`)).status).toBe(200), 1_000);
  });

  it('beats a heartbeat row with the revision served, and catches up from it', async () => {
    const beating = await startTestGateway(t.url, { GATEWAY_INSTANCE_ID: 'gw-heartbeat-test', GATEWAY_HEARTBEAT_MS: 200 });
    try {
      const first = await eventually(async () => {
        const row = await t.db.gatewayInstance.findUniqueOrThrow({ where: { id: 'gw-heartbeat-test' } });
        expect(Number(row.configRevision)).toBe(beating.revision);
      }, 2_000);
      expect(first).toBeLessThan(2_000);
      const seen = (await t.db.gatewayInstance.findUniqueOrThrow({ where: { id: 'gw-heartbeat-test' } })).lastSeenAt;
      // A revision bumped without NOTIFY is picked up by the heartbeat.
      const [row] = await t.db.$queryRaw<{ revision: bigint }[]>`UPDATE config_state SET revision = revision + 1 WHERE id = 1 RETURNING revision`;
      await eventually(async () => expect(beating.revision).toBe(Number(row!.revision)), 2_000);
      await eventually(async () => {
        const later = await t.db.gatewayInstance.findUniqueOrThrow({ where: { id: 'gw-heartbeat-test' } });
        expect(later.lastSeenAt.getTime()).toBeGreaterThan(seen.getTime());
        expect(Number(later.configRevision)).toBe(Number(row!.revision));
      }, 2_000);
    } finally {
      await beating.close();
    }
  });
});

describe('starting without PostgreSQL', () => {
  it('serves the last snapshot from disk when DATABASE_URL is unreachable', async () => {
    const served = gateway.revision;
    await eventually(async () => expect(await diskRevision()).toBe(served), 2_000);
    const offline = await startTestGateway(`postgresql://postgres@127.0.0.1:${REFUSED_PORT}/tollgate`, { GATEWAY_SNAPSHOT_PATH: snapshotPath });
    try {
      const ready = await fetch(`${offline.adminUrl}/readyz`);
      expect(await ready.json()).toMatchObject({ status: 'ready', revision: served, source: 'disk' });
      const response = await fetch(`${offline.url}/weather/public/status`);
      expect(response.status).toBe(200);
      expect((await fetch(`${offline.adminUrl}/metrics`).then((r) => r.text()))).toContain('tollgate_gateway_config_from_disk 1');
    } finally {
      await offline.close();
    }
  });

  it('fails with one clear line when PostgreSQL is unreachable and there is no snapshot', async () => {
    const port = REFUSED_PORT;
    await expect(startTestGateway(`postgresql://postgres@127.0.0.1:${port}/tollgate`)).rejects.toThrow(
      new RegExp(`^cannot reach PostgreSQL at postgresql://postgres@127\\.0\\.0\\.1:${port}/tollgate \\(connection refused\\).*no usable config snapshot on disk`),
    );
  });

  it('names the variable when the port is taken', async () => {
    const taken = Number(new URL(gateway.url).port);
    await expect(startTestGateway(t.url, { GATEWAY_PORT: taken })).rejects.toThrow(`port ${taken} is already in use; set GATEWAY_PORT to a free port`);
  });
});
