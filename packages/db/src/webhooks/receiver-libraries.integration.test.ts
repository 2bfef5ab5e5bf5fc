// One real delivery, verified the way receivers do it with their own libraries:
// Standard Webhooks (`standardwebhooks`), Stripe's helper (`stripe`) and the CloudEvents SDK.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP, type CloudEvent as SdkCloudEvent } from 'cloudevents';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCloudEvent, newWebhookSecret, standardWebhookSecret, USAGE_RECORDED } from '@tollgate/domain';
import { useTestDatabase } from '../testing';
import { createWebhook } from './create-webhook';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { enqueueWebhookEvent } from './enqueue-webhook-event';

const t = useTestDatabase();
const stripe = new Stripe('sk_test_unused');

interface Received {
  path: string;
  body: string;
  headers: IncomingHttpHeaders;
}

function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body, headers: request.headers });
      response.writeHead(204).end();
    });
  });
  return new Promise<{ port: number; received: Received[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, received, close: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}

function standardHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(headers[name])]));
}

async function deliverOne(path: string, secret: string, recordId: string, sentAt: Date, port: number) {
  await t.db.webhook.updateMany({ data: { active: false } });
  await t.db.webhook.create({ data: { url: `http://127.0.0.1:${port}${path}`, secret, eventTypes: [] } });
  const event = buildCloudEvent({ id: recordId, source: '/tollgate/billing', type: USAGE_RECORDED, subject: 'acme-app', time: sentAt, data: { units: 3, route: 'GET /forecast/{city}' } });
  expect(await enqueueWebhookEvent(t.db, { teamId: null, event, now: sentAt })).toBe(1);
  expect(await deliverDueWebhooks(t.db, sentAt, { allowInsecure: true })).toEqual({ delivered: 1, failed: 0, dead: 0 });
}

const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe("a webhook delivery, checked with the receivers' own libraries", () => {
  it('verifies with standardwebhooks and stripe using the one secret shown, and is a valid structured CloudEvent', async () => {
    const receiver = await startReceiver();
    servers.push(receiver);
    const created = await createWebhook(t.db, { url: `http://127.0.0.1:${receiver.port}/hooks`, allowInsecure: true });
    const event = buildCloudEvent({ id: 'usg_0123456789abcdef0123456789abcdef', source: '/tollgate/billing', type: USAGE_RECORDED, subject: 'acme-app', time: new Date(), data: { units: 3 } });
    expect(await enqueueWebhookEvent(t.db, { teamId: null, event, now: new Date() })).toBe(1);
    expect(await deliverDueWebhooks(t.db, new Date(), { allowInsecure: true })).toEqual({ delivered: 1, failed: 0, dead: 0 });
    const [delivery] = receiver.received;
    expect(delivery).toBeDefined();
    const { body, headers } = delivery!;

    expect(headers['webhook-id']).toBe(event.id);
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(created.secret).verify(body, standardHeaders(headers))).toEqual(JSON.parse(body));
    expect(stripe.webhooks.constructEvent(body, String(headers['tollgate-signature']), created.secret)).toMatchObject({ id: event.id, type: USAGE_RECORDED });

    const parsed = HTTP.toEvent({ headers, body }) as SdkCloudEvent<{ units: number }>;
    expect(parsed.validate()).toBe(true);
    expect(parsed).toMatchObject({ specversion: '1.0', id: event.id, type: USAGE_RECORDED, source: '/tollgate/billing', subject: 'acme-app', datacontenttype: 'application/json' });
    expect(parsed.data).toEqual({ units: 3 });
    expect(new Date(parsed.time!).toISOString()).toBe(event.time);

    // A body changed on the way fails both.
    const tampered = body.replace('"units":3', '"units":4');
    expect(tampered).not.toBe(body);
    expect(() => new Webhook(created.secret).verify(tampered, standardHeaders(headers))).toThrow(/signature/i);
    expect(() => stripe.webhooks.constructEvent(tampered, String(headers['tollgate-signature']), created.secret)).toThrow(/signature/i);
    // Another secret fails both.
    const other = (await createWebhook(t.db, { url: `http://127.0.0.1:${receiver.port}/other`, allowInsecure: true })).secret;
    expect(() => new Webhook(other).verify(body, standardHeaders(headers))).toThrow(/signature/i);
    expect(() => stripe.webhooks.constructEvent(body, String(headers['tollgate-signature']), other)).toThrow(/signature/i);
  });

  it('a delivery signed outside the five-minute tolerance fails both', async () => {
    const receiver = await startReceiver();
    servers.push(receiver);
    const secret = newWebhookSecret();
    await deliverOne('/stale', secret, 'usg_stale', new Date(Date.now() - 6 * 60_000), receiver.port);
    const { body, headers } = receiver.received.find((item) => item.path === '/stale')!;
    expect(() => new Webhook(secret).verify(body, standardHeaders(headers))).toThrow(/too old/i);
    expect(() => stripe.webhooks.constructEvent(body, String(headers['tollgate-signature']), secret)).toThrow(/tolerance/i);
    // the same delivery verified as if it had just arrived: it is the time alone that fails
    expect(() => stripe.webhooks.constructEvent(body, String(headers['tollgate-signature']), secret, 3600)).not.toThrow();
  });

  it('a secret of the older base64url form keeps verifying with stripe as it is, and with standardwebhooks in its standard form', async () => {
    const receiver = await startReceiver();
    servers.push(receiver);
    const old = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, index) => (index * 37 + 251) % 256)).toString('base64url')}`;
    expect(old).toMatch(/[-_]/);
    await deliverOne('/old', old, 'usg_old', new Date(), receiver.port);
    const { body, headers } = receiver.received.find((item) => item.path === '/old')!;
    expect(stripe.webhooks.constructEvent(body, String(headers['tollgate-signature']), old)).toMatchObject({ id: 'usg_old' });
    expect(new Webhook(standardWebhookSecret(old)).verify(body, standardHeaders(headers))).toEqual(JSON.parse(body));
  });
});
