// Reconciliation: N requests through a real gateway => exactly N requests and their
// weighted units in the rollups, in the period statement (open, then closed) and in the
// usage records a webhook receives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, closeDueStatements, createApiKey, createWebhook, deliverDueWebhooks, enqueueUsageRecords, listStatements, refreshOpenStatements } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { billingPeriodAt, verifyWebhookSignature, type CloudEvent } from '@tollgate/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let receiver: http.Server;
let receiverUrl: string;
const received: { body: string; signature: string }[] = [];
let key: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const config = ZConfigFile.parse({
    apis: [
      {
        slug: 'weather',
        name: 'Weather',
        basePath: '/weather',
        status: 'published',
        upstream: { targets: [{ url: upstream.url }] },
        routes: [
          { path: '/forecast/{city}', methods: ['GET'], weight: 1 },
          { path: '/reports', methods: ['POST'], weight: 3 },
        ],
      },
    ],
    plans: [{ slug: 'pro', name: 'Pro', apis: ['weather'], price: { monthlyCents: 1000, includedUnits: 100, overagePer1000Cents: 500 }, hardStop: false }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'pro' }] }] }],
  });
  await applyConfig(t.db, config, { baseDir: process.cwd() });
  key = (await createApiKey(t.db, { appSlug: 'acme-app' })).key;
  gateway = await startTestGateway(t.url, { GATEWAY_USAGE_FLUSH_MS: 100, GATEWAY_INSTANCE_ID: 'gw-billing' });
  receiver = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ body, signature: String(request.headers['tollgate-signature']) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/usage`;
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function send(method: string, path: string): Promise<number> {
  const response = await fetch(`${gateway.url}${path}`, { method, headers: { 'x-api-key': key }, body: method === 'POST' ? '{}' : undefined });
  await response.arrayBuffer();
  return response.status;
}

describe('billing reconciliation through the gateway', () => {
  it('N requests => N in the rollups, the statement and the webhook records', { timeout: 120_000 }, async () => {
    const hook = await createWebhook(t.db, { url: receiverUrl, allowInsecure: true });
    await t.db.webhook.update({ where: { id: hook.id }, data: { createdAt: new Date(Date.now() - 3_600_000) } });

    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 10) {
      statuses.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => send('GET', `/weather/forecast/c${i + j}`)))));
    }
    for (let i = 0; i < 20; i += 10) statuses.push(...(await Promise.all(Array.from({ length: 10 }, () => send('POST', '/weather/reports')))));
    expect(statuses.filter((status) => status === 200)).toHaveLength(80);

    const subscription = await t.db.subscription.findFirstOrThrow();
    const counted = async () => {
      const rows = await t.db.usageRollup.aggregate({ where: { subscriptionId: subscription.id }, _sum: { count: true, units: true } });
      return { requests: Number(rows._sum.count ?? 0), units: Number(rows._sum.units ?? 0) };
    };
    await eventually(async () => expect(await counted()).toEqual({ requests: 80, units: 60 + 20 * 3 }), 15_000);

    // the open statement
    const now = new Date();
    await refreshOpenStatements(t.db, now);
    const [open] = await listStatements(t.db);
    expect(open).toMatchObject({ status: 'open', usedUnits: '120', includedUnits: '100', overageUnits: '20', overageCents: '10', totalCents: '1010' });
    const items = open!.lineItems as { routeKey: string; weight: number; requests: string; units: string }[];
    expect(items.map((item) => [item.routeKey, item.weight, item.requests, item.units])).toEqual([
      ['GET /forecast/{city}', 1, '60', '60'],
      ['POST /reports', 3, '20', '60'],
    ]);

    // the same period closed at its end: the same numbers, frozen
    const period = billingPeriodAt(subscription.billingAnchor, subscription.timeZone, now);
    const { closed } = await closeDueStatements(t.db, new Date(period.end.getTime() + 1), { graceMs: 0 });
    expect(closed).toHaveLength(1);
    const [closedStatement] = await listStatements(t.db, { status: 'closed' });
    expect(closedStatement).toMatchObject({ id: open!.id, usedUnits: '120', totalCents: '1010' });

    // the webhook gets every unit once, signed
    const later = new Date(Date.now() + 5 * 60_000);
    await enqueueUsageRecords(t.db, later);
    await enqueueUsageRecords(t.db, later);
    await deliverDueWebhooks(t.db, later, { allowInsecure: true, limit: 1000 });
    const usage = received
      .filter(({ body, signature }) => verifyWebhookSignature(hook.secret, signature, body, 300, later))
      .map(({ body }) => JSON.parse(body) as CloudEvent<{ units: number; requests: number }>)
      .filter((event) => event.type === 'dev.tollgate.usage.recorded');
    expect(usage.length).toBeGreaterThan(0);
    expect(new Set(usage.map((event) => event.id)).size).toBe(usage.length);
    expect(usage.reduce((sum, event) => sum + event.data.requests, 0)).toBe(80);
    expect(usage.reduce((sum, event) => sum + event.data.units, 0)).toBe(120);
  });
});
