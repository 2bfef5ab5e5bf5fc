import { request } from 'node:http';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { eventually, startTestGateway } from '../testing/test-gateway';
import { echo, startTestUpstream, type TestUpstream, type UpstreamHandler } from '../testing/test-upstream';

const t = useTestDatabase();
let gateway: RunningGateway;
const up: Record<string, TestUpstream> = {};
const modes = { fragileFails: true, checkedHealthy: true };

const breakSocket: UpstreamHandler = (_req, res) => res.socket?.destroy();
const upstreams: Record<string, UpstreamHandler> = {
  killA: echo,
  killB: echo,
  postBroken: breakSocket,
  postOk: echo,
  fragile: (req, res, received) => (modes.fragileFails ? breakSocket(req, res, received) : echo(req, res, received)),
  slow: (req, res, received) => setTimeout(() => echo(req, res, received), 1_000),
  fast: echo,
  heavy: echo,
  light: echo,
  checked: (req, res, received) => {
    if (req.url === '/health') res.writeHead(modes.checkedHealthy ? 200 : 500).end();
    else echo(req, res, received);
  },
  spare: echo,
  sluggish: (req, res, received) => setTimeout(() => echo(req, res, received), 3_000),
};

const open = (path: string, extra: object = {}) => ({ path, methods: ['GET', 'POST'], auth: 'none', ...extra });
const target = (name: string, weight = 1) => ({ url: up[name]!.url, weight });
const quietPassive = { consecutiveFailures: 1_000, ejectMs: 1_000 };

function config(withHealthCheck = true) {
  return ZConfigFile.parse({
    apis: [
      {
        slug: 'kill',
        name: 'Kill',
        basePath: '/kill',
        status: 'published',
        upstream: { targets: [target('killA'), target('killB')], retries: { attempts: 2, backoffMs: 5 }, passive: { consecutiveFailures: 2, ejectMs: 60_000 } },
        routes: [open('/items')],
      },
      {
        slug: 'post',
        name: 'Post',
        basePath: '/post',
        status: 'published',
        upstream: { targets: [target('postBroken'), target('postOk')], passive: quietPassive },
        routes: [open('/orders', { methods: ['GET', 'POST', 'PUT'] })],
      },
      {
        slug: 'fragile',
        name: 'Fragile',
        basePath: '/fragile',
        status: 'published',
        upstream: { targets: [target('fragile')], retries: { attempts: 0 }, passive: quietPassive, breaker: { consecutiveFailures: 3, openMs: 400 } },
        routes: [open('/x')],
      },
      {
        slug: 'least',
        name: 'Least',
        basePath: '/least',
        status: 'published',
        upstream: { targets: [target('slow'), target('fast')], loadBalancing: 'least-connections' },
        routes: [open('/x')],
      },
      {
        slug: 'weighted',
        name: 'Weighted',
        basePath: '/weighted',
        status: 'published',
        upstream: { targets: [target('heavy', 3), target('light', 1)], loadBalancing: 'weighted' },
        routes: [open('/x')],
      },
      {
        slug: 'checked',
        name: 'Checked',
        basePath: '/checked',
        status: 'published',
        upstream: {
          targets: [target('checked'), target('spare')],
          ...(withHealthCheck ? { healthCheck: { path: '/health', intervalMs: 100, timeoutMs: 500, healthyThreshold: 2, unhealthyThreshold: 2 } } : {}),
        },
        routes: [open('/x')],
      },
      {
        slug: 'sluggish',
        name: 'Sluggish',
        basePath: '/sluggish',
        status: 'published',
        upstream: { targets: [target('sluggish')] },
        routes: [open('/x', { timeoutMs: 200 })],
      },
    ],
  });
}

beforeAll(async () => {
  for (const [name, handler] of Object.entries(upstreams)) up[name] = await startTestUpstream(handler);
  await applyConfig(t.db, config(), { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all(Object.values(up).map((upstream) => upstream.close()));
});

const count = (name: string, method = 'GET', path = '/x') => up[name]!.received.filter((r) => r.method === method && r.url === path).length;

async function get(path: string, init: RequestInit = {}): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${gateway.url}${path}`, init);
  const text = await response.text();
  const code = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { code: string }).code : undefined;
  return { status: response.status, code };
}

async function metrics(): Promise<string> {
  return (await fetch(`${gateway.adminUrl}/metrics`)).text();
}

describe('load balancing', () => {
  it('weighted: smooth weighted round robin gives 3:1', async () => {
    for (let i = 0; i < 40; i++) expect((await get('/weighted/x')).status).toBe(200);
    expect(count('heavy')).toBe(30);
    expect(count('light')).toBe(10);
  });

  it('least-connections: a slow target gets few requests while a fast one is free', async () => {
    const queue = Array.from({ length: 40 }, () => '/least/x');
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (queue.pop() !== undefined) expect((await get('/least/x')).status).toBe(200);
      }),
    );
    expect(count('slow') + count('fast')).toBe(40);
    // Round robin would give 20 each. Least-connections evens out requests in flight, and
    // each slow one stays in flight for a second while the fast target serves the rest.
    expect(count('slow')).toBeLessThanOrEqual(12);
  });
});

describe('retries and passive health', () => {
  it('a target killed mid-load: GET traffic sees no errors, and the dead target is ejected', async () => {
    const results: { startedAt: number; status: number }[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    const stopAt = Date.now() + 1_500;
    const load = Array.from({ length: 8 }, async () => {
      while (Date.now() < stopAt) {
        const startedAt = Date.now();
        const status = await get('/kill/items').then(
          (r) => r.status,
          () => 0,
        );
        results.push({ startedAt, status });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const servedByB = up.killB!.received.length;
    killedAt = Date.now();
    await up.killB!.close();
    await Promise.all(load);

    expect(servedByB).toBeGreaterThan(0);
    // Requests waiting on the killed target when it died are retried on the other one;
    // after two failures in a row the dead target is ejected and takes no more traffic.
    expect(results.filter((r) => r.startedAt > killedAt).length).toBeGreaterThan(20);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(await metrics()).toMatch(new RegExp(`tollgate_gateway_upstream_target_healthy\\{upstream="kill",target="${up.killB!.url}"\\} 0`));
    expect(await metrics()).toMatch(new RegExp(`tollgate_gateway_upstream_target_healthy\\{upstream="kill",target="${up.killA!.url}"\\} 1`));
  });

  it('never retries a POST; retries the same failure for a GET', async () => {
    const broken = () => up.postBroken!.received.filter((r) => r.method === 'POST').length;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/post/orders', { method: 'POST', body: `order ${i}` })).status);
    // Round robin alternates: the two POSTs that hit the broken target fail and are not sent again.
    expect(statuses.sort()).toEqual([200, 200, 502, 502]);
    expect(broken()).toBe(2);
    expect(up.postOk!.received.filter((r) => r.method === 'POST')).toHaveLength(2);

    for (let i = 0; i < 4; i++) expect((await get('/post/orders')).status).toBe(200);
    expect(up.postBroken!.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);
  });

  it('retries a PUT with a small body on another target, sending the same body', async () => {
    const puts = (name: string) => up[name]!.received.filter((r) => r.method === 'PUT');
    for (let i = 0; i < 4; i++) expect((await get('/post/orders', { method: 'PUT', body: `{"n":${i}}` })).status).toBe(200);
    expect(puts('postBroken').length).toBeGreaterThan(0);
    expect(puts('postOk').map((r) => r.body)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('does not retry a request that timed out, and answers 504', async () => {
    const started = Date.now();
    expect(await get('/sluggish/x')).toEqual({ status: 504, code: 'upstream_timeout' });
    expect(Date.now() - started).toBeLessThan(2_500);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(count('sluggish')).toBe(1);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, refuses without calling the upstream, then half-opens and closes', async () => {
    for (let i = 0; i < 3; i++) expect(await get('/fragile/x')).toEqual({ status: 502, code: 'upstream_failed' });
    const calls = up.fragile!.received.length;
    expect(await get('/fragile/x')).toEqual({ status: 503, code: 'circuit_open' });
    expect(up.fragile!.received.length).toBe(calls);
    expect(await metrics()).toMatch(/tollgate_gateway_upstream_breaker_state\{upstream="fragile"\} 1/);

    // Half-open with the upstream still failing: the probe fails and the breaker opens again.
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await get('/fragile/x')).status).toBe(502);
    expect((await get('/fragile/x')).code).toBe('circuit_open');

    modes.fragileFails = false;
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await get('/fragile/x')).status).toBe(200);
    expect(await metrics()).toMatch(/tollgate_gateway_upstream_breaker_state\{upstream="fragile"\} 0/);
    for (let i = 0; i < 5; i++) expect((await get('/fragile/x')).status).toBe(200);
  });
});

describe('active health checks', () => {
  const gauge = (name: string, value: 0 | 1) => new RegExp(`tollgate_gateway_upstream_target_healthy\\{upstream="checked",target="${up[name]!.url}"\\} ${value}`);

  it('takes a target out when its checks fail and brings it back when they pass', async () => {
    await eventually(async () => expect(up.checked!.received.some((r) => r.url === '/health')).toBe(true), 5_000);
    modes.checkedHealthy = false;
    await eventually(async () => expect(await metrics()).toMatch(gauge('checked', 0)), 5_000);
    const before = count('checked');
    for (let i = 0; i < 6; i++) expect((await get('/checked/x')).status).toBe(200);
    expect(count('checked')).toBe(before);

    modes.checkedHealthy = true;
    await eventually(async () => expect(await metrics()).toMatch(gauge('checked', 1)), 5_000);
    for (let i = 0; i < 6; i++) expect((await get('/checked/x')).status).toBe(200);
    expect(count('checked')).toBe(before + 3);
  });

  it('stops checking when a reload drops the health check', async () => {
    const revision = gateway.revision;
    await applyConfig(t.db, config(false), { baseDir: process.cwd() });
    await eventually(async () => expect(gateway.revision).toBeGreaterThan(revision), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const checks = up.checked!.received.filter((r) => r.url === '/health').length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(up.checked!.received.filter((r) => r.url === '/health').length).toBe(checks);
  });
});

describe('request body limit', () => {
  it('413 for a declared Content-Length over the route limit, before the upstream sees it', async () => {
    await applyConfig(t.db, limitConfig(), { baseDir: process.cwd() });
    await eventually(async () => expect((await get('/limited/upload', { method: 'POST', body: 'ok' })).status).toBe(200), 5_000);
    const before = up.postOk!.received.length;
    expect(await get('/limited/upload', { method: 'POST', body: 'x'.repeat(2_000) })).toEqual({ status: 413, code: 'payload_too_large' });
    expect(up.postOk!.received.length).toBe(before);
  });

  it('413 for a chunked body that passes the limit while streaming; a chunked body under it goes through', async () => {
    const small = await chunkedPost('/limited/upload', 4, 200);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toMatchObject({ body: 'y'.repeat(800) });

    const large = await chunkedPost('/limited/upload', 50, 200);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body)).toMatchObject({ code: 'payload_too_large' });
  });
});

function limitConfig() {
  const base = config(false);
  base.apis.push(
    ZConfigFile.parse({
      apis: [{ slug: 'limited', name: 'Limited', basePath: '/limited', status: 'published', upstream: { targets: [target('postOk')] }, routes: [open('/upload', { maxBodyBytes: 1_000 })] }],
    }).apis[0]!,
  );
  return base;
}

/** A POST with Transfer-Encoding: chunked, `chunks` chunks of `size` bytes, written with small pauses. */
function chunkedPost(path: string, chunks: number, size: number): Promise<{ status: number; body: string }> {
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers: { 'transfer-encoding': 'chunked' }, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      res.on('error', reject);
    });
    req.on('error', () => {});
    let sent = 0;
    const write = () => {
      if (req.destroyed) return;
      if (sent++ === chunks) return void req.end();
      req.write('y'.repeat(size));
      setTimeout(write, 5);
    };
    write();
  });
}
