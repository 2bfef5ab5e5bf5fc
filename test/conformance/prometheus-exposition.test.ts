// Every /metrics page Tollgate serves, as scraped for real: the gateway's (with Redis, so
// the rate limiter's families are there) and the worker's (a real worker process that
// has delivered and dead-lettered webhooks and rolled usage up). Each passes promtool's
// check and the strict OpenMetrics parser; the portal serves no /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { useTestDatabase, testRedisUrl } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { applyTestConfig, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';
import { openMetricsParse, promtoolCheck } from '../support/prometheus-exposition';

const WORKER_DIR = fileURLToPath(new URL('../../apps/worker', import.meta.url));
const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let worker: ChildProcess | undefined;
const receiver = http.createServer((req, res) => {
  req.resume();
  req.once('end', () => res.writeHead(req.url === '/ok' ? 204 : 500).end());
});

beforeAll(async () => {
  upstream = await startTestUpstream();
  const { key } = await applyTestConfig(t.db, upstream.url);
  gateway = await startTestGateway(t.url, { REDIS_URL: testRedisUrl() });
  for (const headers of [{ authorization: `Bearer ${key}` }, {}] as Record<string, string>[]) {
    await (await fetch(`${gateway.url}/weather/forecast/paris`, { headers })).arrayBuffer();
  }
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await gateway?.close();
  await upstream?.close();
  receiver.close();
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

function expectClean(text: string): void {
  const promtool = promtoolCheck(text);
  expect(promtool.output, 'promtool check metrics').toBe('');
  expect(promtool.ok).toBe(true);
  const openMetrics = openMetricsParse(text);
  expect(openMetrics.ok, openMetrics.output).toBe(true);
}

/** Starts the worker as `npm start` does, with its metrics on a free port; resolves with their URL. */
async function startWorker(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: WORKER_DIR,
    env: { ...process.env, DATABASE_URL: t.url, WORKER_METRICS_PORT: '0', LOG_LEVEL: 'info', TOLLGATE_ALLOW_INSECURE_WEBHOOKS: '1', WEBHOOK_POLL_MS: '200', WEBHOOK_MAX_ATTEMPTS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  worker = child;
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let url = '';
  await expect.poll(() => (url = /"metricsUrl":"([^"]+)"/.exec(stdout)?.[1] ?? ''), { timeout: 60_000, interval: 100 }).not.toBe('');
  return url;
}

const sample = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

describe('Prometheus exposition', { timeout: 120_000 }, () => {
  it("the gateway's /metrics passes promtool and the OpenMetrics parser", async () => {
    const text = await scrape(`${gateway.adminUrl}/metrics`);
    expect(text).toMatch(/^tollgate_gateway_requests_total\{/m);
    expect(text).toMatch(/^tollgate_gateway_rate_limiter_degraded_total /m);
    expectClean(text);
  });

  it('the checks refuse a gauge that shares its family with a counter (the limiter state gauge under its old name)', async () => {
    const text = await scrape(`${gateway.adminUrl}/metrics`);
    const clashing = text.replaceAll(/^(# (?:HELP|TYPE) )?tollgate_gateway_rate_limiter_degraded_state\b/gm, '$1tollgate_gateway_rate_limiter_degraded');
    expect(clashing).not.toBe(text);
    expect(openMetricsParse(clashing).ok).toBe(false);
  });

  it("the worker's /metrics counts deliveries, dead letters, job runs and rollup lag, and passes both checks", async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    for (const [path, recordId] of [['/ok', 'r-ok'], ['/fail', 'r-fail']] as const) {
      const webhook = await t.db.webhook.create({ data: { url: `${base}${path}`, secret } });
      await t.db.webhookDelivery.create({ data: { webhookId: webhook.id, recordId, eventType: 'dev.tollgate.test', payload: { id: recordId } } });
    }
    const url = await startWorker({});
    let text = '';
    await expect
      .poll(async () => {
        text = await scrape(url);
        return [sample(text, 'tollgate_worker_webhook_deliveries_total{result="delivered"}'), sample(text, 'tollgate_worker_webhook_deliveries_total{result="dead"}'), sample(text, 'tollgate_worker_webhook_dead_letters')];
      }, { timeout: 60_000, interval: 200 })
      .toEqual([1, 1, 1]);
    await expect.poll(async () => sample((text = await scrape(url)), 'tollgate_worker_job_runs_total{job="rollup",result="ok"}'), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tollgate_worker_job_runs_total{job="billing",result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tollgate_worker_job_runs_total{job="alerts",result="ok"}')).toBeGreaterThanOrEqual(1);
    const lag = sample(text, 'tollgate_worker_rollup_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(60);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expectClean(text);
  });
});
