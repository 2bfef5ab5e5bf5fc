import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock, verifyWebhookSignature, type CloudEvent } from '@tollgate/domain';
import { useTestDatabase } from '../testing';
import { closeDueStatements } from '../billing/close-due-statements';
import { createWebhook } from './create-webhook';
import { deleteOldWebhookDeliveries } from './delete-old-deliveries';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { enqueueUsageRecords } from './enqueue-usage-records';
import { listWebhookDeliveries, redeliverWebhook } from './manage-webhooks';

const t = useTestDatabase();

interface Received {
  body: string;
  signature: string;
}

/** A real receiver: keeps every request, dedupes by CloudEvents id. */
function startReceiver(port = 0) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ body, signature: String(request.headers['tollgate-signature']) });
      response.writeHead(204).end();
    });
  });
  return new Promise<{ port: number; received: Received[]; close(): Promise<void> }>((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

async function seed() {
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
  const other = await t.db.team.create({ data: { slug: 'other', name: 'Other' } });
  const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' } });
  const plan = await t.db.plan.create({ data: { slug: 'pro', name: 'Pro', monthlyPriceCents: 1000, includedUnits: 10, overagePer1000Cents: 100, hardStop: false } });
  const base = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000);
  const subscription = await t.db.subscription.create({
    data: { appId: app.id, apiId: api.id, planId: plan.id, billingAnchor: new Date(base.getTime() - 40 * 86_400_000) },
  });
  for (let minute = 0; minute < 5; minute += 1) {
    for (const [routeKey, weight] of [['GET /forecast/{city}', 1], ['POST /bulk', 3]] as const) {
      await t.db.usageRollup.create({
        data: {
          minute: new Date(base.getTime() + minute * 60_000), apiId: api.id, routeKey, appId: app.id, planId: plan.id,
          subscriptionId: subscription.id, statusClass: 2, count: BigInt(minute + 1), units: BigInt((minute + 1) * weight),
        },
      });
    }
  }
  return { team, other, base };
}

const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('webhook delivery', () => {
  it('receiver down, then up: every record arrives exactly once by id, signed; a tampered body fails', async () => {
    const { other } = await seed();
    const down = await startReceiver();
    const port = down.port;
    await down.close();

    const hook = await createWebhook(t.db, { url: `http://127.0.0.1:${port}/hooks`, allowInsecure: true });
    // A webhook of another team gets nothing of acme's.
    const foreign = await createWebhook(t.db, { url: `http://127.0.0.1:${port}/other`, teamSlug: 'other', allowInsecure: true });
    await t.db.webhook.updateMany({ data: { createdAt: new Date(Date.now() - 86_400_000) } });
    expect(other.slug).toBe('other');

    const clock = manualClock(new Date());
    expect(await enqueueUsageRecords(t.db, clock.now())).toBe(10); // 5 minutes x 2 routes
    const { closed } = await closeDueStatements(t.db, clock.now(), { graceMs: 0 });
    expect(closed.length).toBeGreaterThan(0);
    const expected = (await listWebhookDeliveries(t.db, { webhookId: hook.id, limit: 1000 })).map((delivery) => delivery.recordId);
    expect(expected).toHaveLength(10 + closed.length);
    expect(await t.db.webhookDelivery.count({ where: { webhookId: foreign.id } })).toBe(0);

    // down: every attempt fails and is rescheduled with backoff
    const first = await deliverDueWebhooks(t.db, clock.now(), { allowInsecure: true, timeoutMs: 5_000 });
    expect(first).toEqual({ delivered: 0, failed: expected.length, dead: 0 });
    expect(await deliverDueWebhooks(t.db, clock.now(), { allowInsecure: true })).toEqual({ delivered: 0, failed: 0, dead: 0 });
    clock.advance(60_000);
    expect((await deliverDueWebhooks(t.db, clock.now(), { allowInsecure: true })).failed).toBe(expected.length);

    // up again on the same port
    const up = await startReceiver(port);
    servers.push(up);
    // enqueueing again (the scheduler runs every minute) queues nothing new
    expect(await enqueueUsageRecords(t.db, clock.now())).toBe(0);
    clock.advance(3_600_000);
    const second = await deliverDueWebhooks(t.db, clock.now(), { allowInsecure: true, limit: 1000 });
    expect(second).toEqual({ delivered: expected.length, failed: 0, dead: 0 });
    clock.advance(3_600_000);
    expect(await deliverDueWebhooks(t.db, clock.now(), { allowInsecure: true })).toEqual({ delivered: 0, failed: 0, dead: 0 });

    const counts = new Map<string, number>();
    for (const { body, signature } of up.received) {
      expect(verifyWebhookSignature(hook.secret, signature, body, 300, clock.now())).toBe(false); // clock moved an hour past the send
      const sentAt = new Date(Number(/t=(\d+)/.exec(signature)![1]) * 1000);
      expect(verifyWebhookSignature(hook.secret, signature, body, 300, sentAt)).toBe(true);
      const tampered = body.replace('"acme-app"', '"acme-apq"');
      expect(tampered).not.toBe(body);
      expect(verifyWebhookSignature(hook.secret, signature, tampered, 300, sentAt)).toBe(false);
      const event = JSON.parse(body) as CloudEvent<{ units: number | string }>;
      expect(event).toMatchObject({ specversion: '1.0', source: '/tollgate/billing', subject: 'acme-app', datacontenttype: 'application/json' });
      counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...expected].sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);

    const usage = up.received.map((item) => JSON.parse(item.body) as CloudEvent<{ units: number; route: string }>).filter((event) => event.type === 'dev.tollgate.usage.recorded');
    expect(usage.reduce((sum, event) => sum + event.data.units, 0)).toBe(15 + 45); // (1+..+5) x weight 1 and x weight 3
    const statement = up.received.map((item) => JSON.parse(item.body) as CloudEvent).find((event) => event.type === 'dev.tollgate.statement.closed');
    expect(statement?.id).toMatch(/^stmt_/);

    // Late usage for a minute already sent: one correction record with the difference only.
    const late = await t.db.usageRollup.findFirstOrThrow({ where: { routeKey: 'POST /bulk' }, orderBy: { minute: 'asc' } });
    await t.db.usageRollup.update({ where: { id: late.id }, data: { count: { increment: 2n }, units: { increment: 6n } } });
    expect(await enqueueUsageRecords(t.db, clock.now(), { lookbackMs: 3 * 3_600_000 })).toBe(1);
    expect(await enqueueUsageRecords(t.db, clock.now(), { lookbackMs: 3 * 3_600_000 })).toBe(0);
    expect((await deliverDueWebhooks(t.db, clock.now(), { allowInsecure: true })).delivered).toBe(1);
    const correction = JSON.parse(up.received.at(-1)!.body) as CloudEvent<{ units: number; requests: number; correction: boolean }>;
    expect(correction.id).toMatch(/^usg_[0-9a-f]{32}\.1$/);
    expect(correction.data).toMatchObject({ units: 6, requests: 2, correction: true });
    const allUsage = up.received.map((item) => JSON.parse(item.body) as CloudEvent<{ units: number }>).filter((event) => event.type === 'dev.tollgate.usage.recorded');
    expect(allUsage.reduce((sum, event) => sum + event.data.units, 0)).toBe(15 + 45 + 6);
  });

  it('dead-letters after the last attempt; redeliver puts it back in the queue', async () => {
    const gone = await startReceiver();
    await gone.close();
    const hook = await createWebhook(t.db, { url: `http://127.0.0.1:${gone.port}/dead`, events: ['dev.tollgate.usage.recorded'], allowInsecure: true });
    await t.db.webhook.update({ where: { id: hook.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const clock = manualClock(new Date());
    expect(await enqueueUsageRecords(t.db, clock.now())).toBe(10);
    const options = { allowInsecure: true, maxAttempts: 3, limit: 1000, backoff: { baseMs: 1_000, random: () => 1 } };
    expect((await deliverDueWebhooks(t.db, clock.now(), options)).failed).toBe(10);
    clock.advance(1_000);
    expect((await deliverDueWebhooks(t.db, clock.now(), options)).failed).toBe(10);
    clock.advance(1_999); // second backoff is 2 s
    expect((await deliverDueWebhooks(t.db, clock.now(), options)).failed).toBe(0);
    clock.advance(1);
    expect(await deliverDueWebhooks(t.db, clock.now(), options)).toEqual({ delivered: 0, failed: 0, dead: 10 });

    const dead = await listWebhookDeliveries(t.db, { status: 'dead', webhookId: hook.id });
    expect(dead).toHaveLength(10);
    expect(dead[0]).toMatchObject({ attempts: 3, status: 'dead', lastError: expect.stringMatching(/ECONNREFUSED|connect/) });

    const up = await startReceiver(gone.port);
    servers.push(up);
    await redeliverWebhook(t.db, dead[0]!.id, clock.now());
    expect(await deliverDueWebhooks(t.db, clock.now(), options)).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(up.received).toHaveLength(1);
    expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id, status: 'dead' } })).toBe(9);

    // retention drops old delivered rows only, in batches
    const dropped = await deleteOldWebhookDeliveries(t.db, new Date(Date.now() + 31 * 86_400_000), 30 * 86_400_000, 2);
    expect(dropped).toBeGreaterThan(2);
    expect(await t.db.webhookDelivery.count({ where: { status: 'delivered' } })).toBe(0);
    expect(await t.db.webhookDelivery.count({ where: { webhookId: hook.id, status: 'dead' } })).toBe(9);
  });
});
