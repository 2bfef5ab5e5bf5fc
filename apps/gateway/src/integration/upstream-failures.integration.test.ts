import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { REFUSED_PORT } from '../testing/refused-port';
import { applyTestConfig, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let hanging: TestUpstream;
let gateway: RunningGateway;
let key: string;
const REFUSING_ORIGIN = `127.0.0.1:${REFUSED_PORT}`;

beforeAll(async () => {
  // Never answers /forecast; answers everything else after starting a body it never finishes.
  hanging = await startTestUpstream((req, res) => {
    if (req.url?.startsWith('/forecast')) return;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    setTimeout(() => res.destroy(), 100);
  });
  ({ key } = await applyTestConfig(t.db, hanging.url));
  await t.db.upstreamTarget.updateMany({ where: { upstream: { api: { slug: 'other' } } }, data: { url: `http://${REFUSING_ORIGIN}` } });
  await t.db.subscription.create({
    data: {
      app: { connect: { slug: 'acme-app' } },
      api: { connect: { slug: 'other' } },
      plan: { connect: { slug: 'free' } },
    },
  });
  await t.db.route.updateMany({ where: { path: '/forecast/{city}' }, data: { policies: { timeoutMs: 300 } } });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await hanging?.close();
});

describe('upstream failures', () => {
  it('502 upstream_failed when the target refuses connections, without internals', async () => {
    const response = await fetch(`${gateway.url}/other/thing`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'upstream_failed' });
    expect(text).not.toContain(REFUSING_ORIGIN);
    expect(text).not.toContain('ECONNREFUSED');
  });

  it('504 upstream_timeout when the upstream does not answer within the route timeout', async () => {
    const started = Date.now();
    const response = await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(504);
    expect(((await response.json()) as { code: string }).code).toBe('upstream_timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cuts the client connection when the upstream breaks off mid-body', async () => {
    const response = await fetch(`${gateway.url}/weather/public/status`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('counts what happened in /metrics', async () => {
    const text = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(text).toMatch(/tollgate_gateway_requests_total\{api="other",route="GET \/thing",status="502"\} 1/);
    expect(text).toMatch(/tollgate_gateway_requests_total\{api="weather",route="GET \/forecast\/\{city\}",status="504"\} 1/);
  });
});
