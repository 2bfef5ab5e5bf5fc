import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@tollgate/db/testing';
import { runCli } from '../support/run-cli';

const t = useTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-billing-'));

const CONFIG = `
apis:
  - slug: weather
    name: Weather
    basePath: /weather
    status: published
    upstream: { targets: [{ url: "http://127.0.0.1:4010" }] }
    routes:
      - { path: "/forecast/{city}", methods: [GET], weight: 1 }
      - { path: "/bulk", methods: [POST], weight: 5 }
plans:
  - slug: pro
    name: Pro
    apis: [weather]
    price: { monthlyCents: 4900, includedUnits: 100, overagePer1000Cents: 1000 }
    hardStop: false
teams:
  - slug: acme
    name: Acme
    apps:
      - slug: acme-app
        name: Acme App
        subscriptions: [{ api: weather, plan: pro }]
`;

async function applyAndRecord() {
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, CONFIG);
  const applied = await runCli(['apply', '-f', file], { DATABASE_URL: t.url });
  expect(applied.code, applied.stderr).toBe(0);
  const subscription = await t.db.subscription.findFirstOrThrow({ include: { app: true } });
  // the first period started a month and a half ago: one closed, one open
  const anchor = new Date(Date.now() - 45 * 86_400_000);
  await t.db.subscription.update({ where: { id: subscription.id }, data: { billingAnchor: anchor } });
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000);
  const old = new Date(anchor.getTime() + 86_400_000);
  for (const [at, routeKey, count, weight] of [
    [minute, 'GET /forecast/{city}', 40, 1],
    [minute, 'POST /bulk', 20, 5],
    [old, 'GET /forecast/{city}', 7, 1],
  ] as const) {
    await t.db.usageRollup.create({
      data: {
        minute: at, apiId: subscription.apiId, routeKey, appId: subscription.appId, planId: subscription.planId,
        subscriptionId: subscription.id, statusClass: 2, count: BigInt(count), units: BigInt(count * weight),
      },
    });
  }
}

describe('tollgate statements and webhooks (CLI)', () => {
  it('lists the live estimate, closes ended periods and exports CSV and JSON', { timeout: 240_000 }, async () => {
    await applyAndRecord();
    const env = { DATABASE_URL: t.url };
    const closed = await runCli(['statements', 'close', '--json'], env);
    expect(closed.code, closed.stderr).toBe(0);
    expect((JSON.parse(closed.stdout) as { closed: string[] }).closed).toHaveLength(1);

    const list = await runCli(['statements', 'list', '--app', 'acme-app', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as { status: string; usedUnits: string; overageUnits: string; totalCents: string; lineItems: unknown[] }[];
    expect(rows.map((row) => [row.status, row.usedUnits])).toEqual([
      ['open', '140'],
      ['closed', '7'],
    ]);
    // 140 used, 100 included, 40 over at 10.00 per 1000 = 40 cents
    expect(rows[0]).toMatchObject({ overageUnits: '40', totalCents: '4940' });
    expect(rows[0]!.lineItems).toHaveLength(2);

    const csv = await runCli(['statements', 'export', '--format', 'csv', '--status', 'closed'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,status,team,app,api,plan,periodStart/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',closed,acme,acme-app,weather,pro,');

    const usage = await runCli(['statements', 'export', '--format', 'json', '--usage', '--status', 'open'], env);
    expect(JSON.parse(usage.stdout)).toEqual([
      expect.objectContaining({ api: 'weather', route: 'GET /forecast/{city}', weight: 1, requests: '40', units: '40' }),
      expect.objectContaining({ api: 'weather', route: 'POST /bulk', weight: 5, requests: '20', units: '100' }),
    ]);

    const month = new Date().toISOString().slice(0, 7);
    const byPeriod = await runCli(['statements', 'list', '--period', '1999-01', '--json'], env);
    expect(JSON.parse(byPeriod.stdout)).toEqual([]);
    expect(month).toMatch(/^\d{4}-\d{2}$/);

    const bad = await runCli(['statements', 'export', '--format', 'xml'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format must be csv or json');
    const badPeriod = await runCli(['statements', 'list', '--period', '2026-13', '--json'], env);
    expect(JSON.parse(badPeriod.stderr)).toMatchObject({ status: 400, code: 'invalid_params' });
  });

  it('webhooks: create prints the secret once, refuses unsafe URLs, lists dead letters and redelivers', { timeout: 240_000 }, async () => {
    const receiver = http.createServer((_request, response) => response.writeHead(500).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const insecure = { DATABASE_URL: t.url, TOLLGATE_ALLOW_INSECURE_WEBHOOKS: '1' };
      const refused = await runCli(['webhooks', 'create', '--url', `http://127.0.0.1:${port}/hook`, '--json'], { DATABASE_URL: t.url, TOLLGATE_ALLOW_INSECURE_WEBHOOKS: '' });
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stderr)).toMatchObject({ code: 'invalid_params' });
      const metadata = await runCli(['webhooks', 'create', '--url', 'http://169.254.169.254/latest/meta-data', '--json'], insecure);
      expect(metadata.code).toBe(1);

      const created = await runCli(['webhooks', 'create', '--url', `http://127.0.0.1:${port}/hook`, '--events', 'dev.tollgate.statement.closed', '--json'], insecure);
      expect(created.code, created.stderr).toBe(0);
      const hook = JSON.parse(created.stdout) as { id: string; secret: string; events: string[] };
      expect(hook.secret).toMatch(/^whsec_/);
      expect(hook.events).toEqual(['dev.tollgate.statement.closed']);
      const listed = await runCli(['webhooks', 'list', '--json'], insecure);
      expect(listed.stdout).not.toContain(hook.secret);

      // a dead delivery as the worker leaves it after the last attempt
      const delivery = await t.db.webhookDelivery.create({
        data: { webhookId: hook.id, recordId: 'stmt_x', eventType: 'dev.tollgate.statement.closed', payload: { id: 'stmt_x' }, status: 'dead', attempts: 12, lastError: 'HTTP 500' },
      });
      const dead = await runCli(['webhooks', 'deliveries', '--status', 'dead', '--json'], insecure);
      expect(JSON.parse(dead.stdout)).toEqual([expect.objectContaining({ id: delivery.id, recordId: 'stmt_x', status: 'dead', attempts: 12, lastError: 'HTTP 500' })]);
      const redeliver = await runCli(['webhooks', 'redeliver', delivery.id, '--json'], insecure);
      expect(JSON.parse(redeliver.stdout)).toEqual({ id: delivery.id, status: 'pending' });
      expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'pending', attempts: 0 });
      const missing = await runCli(['webhooks', 'redeliver', '00000000-0000-0000-0000-000000000000', '--json'], insecure);
      expect(JSON.parse(missing.stderr)).toMatchObject({ status: 404 });
    } finally {
      receiver.close();
    }
  });
});
