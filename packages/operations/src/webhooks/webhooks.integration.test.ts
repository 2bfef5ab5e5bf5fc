import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverDueWebhooks } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { verifyWebhookSignature } from '@tollgate/domain';
import { afterAll, describe, expect, it } from 'vitest';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createWebhook, deleteWebhook, getWebhook, listWebhookDeliveries, listWebhooks, replayWebhookDelivery, updateWebhook } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };
/** A public address literal: the check needs no DNS for it, and nothing is sent to it. */
const PUBLIC_URL = 'https://93.184.215.14/hooks';

const received: { body: string; signature: string }[] = [];
const receiver = http.createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    received.push({ body, signature: String(request.headers['tollgate-signature']) });
    response.writeHead(204).end();
  });
});
afterAll(() => new Promise<void>((done) => receiver.close(() => done())));

describe('webhook operations', () => {
  it('creates a webhook whose secret is shown once, never listed, read or audited', async () => {
    const created = await runOperation(t.db, admin, createWebhook, { url: PUBLIC_URL, events: ['dev.tollgate.usage.recorded'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/); // Standard Webhooks form: 32 bytes, standard base64
    const read = await runOperation(t.db, viewer, getWebhook, { id: created.id });
    const page = await runOperation(t.db, viewer, listWebhooks, {});
    const audit = await t.db.auditLog.findMany({ where: { resourceId: created.id } });
    expect(JSON.stringify([read, page, audit.map((entry) => [entry.before, entry.after])])).not.toContain(created.secret.slice(6));
    expect(page.items).toEqual([{ ...read, pending: 0, dead: 0 }]);
    const paused = await runOperation(t.db, admin, updateWebhook, { id: created.id, active: false, events: [] });
    expect(paused).toMatchObject({ active: false, events: [], url: PUBLIC_URL });
    await expect(runOperation(t.db, viewer, updateWebhook, { id: created.id, active: true })).rejects.toMatchObject({ code: 'forbidden' });
    await runOperation(t.db, admin, deleteWebhook, { id: created.id });
    await expect(runOperation(t.db, viewer, getWebhook, { id: created.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.db.auditLog.findMany({ where: { resourceId: created.id }, orderBy: { id: 'asc' } })).map((entry) => entry.action)).toEqual([
      'webhooks.create',
      'webhooks.update',
      'webhooks.delete',
    ]);
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hook'],
    ['loopback (IPv6)', 'https://[::1]/hook'],
    ['IPv4 loopback written as IPv6', 'https://[::ffff:127.0.0.1]/hook'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data/'],
    ['private network', 'https://10.1.2.3/hook'],
    ['file:', 'file:///etc/passwd'],
    ['plain http', 'http://93.184.215.14/hook'],
    ['credentials in the URL', 'https://user:pass@93.184.215.14/hook'],
  ])('refuses a %s target on create and on update, naming the url field', async (_name, url) => {
    await expect(runOperation(t.db, admin, createWebhook, { url })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [expect.objectContaining({ name: 'url' })] });
    const ok = await runOperation(t.db, admin, createWebhook, { url: PUBLIC_URL });
    await expect(runOperation(t.db, admin, updateWebhook, { id: ok.id, url })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [expect.objectContaining({ name: 'url' })] });
    expect((await runOperation(t.db, viewer, getWebhook, { id: ok.id })).url).toBe(PUBLIC_URL);
  });

  it('replays a dead delivery: it is queued again and the worker\'s delivery code sends it, signed, to a real receiver', async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    // A loopback target cannot be created through the operation; the test stores one directly, as a local setup would.
    const hook = await t.db.webhook.create({ data: { url: `http://127.0.0.1:${port}/hooks`, secret: 'whsec_test-secret', eventTypes: [] } });
    const payload = { specversion: '1.0', id: 'rec-1', type: 'dev.tollgate.usage.recorded', source: 'tollgate', data: { units: 3 } };
    const dead = await t.db.webhookDelivery.create({
      data: { webhookId: hook.id, recordId: 'rec-1', eventType: 'dev.tollgate.usage.recorded', payload, status: 'dead', attempts: 12, lastError: 'HTTP 503 unavailable' },
    });
    const letters = await runOperation(t.db, viewer, listWebhookDeliveries, { webhookId: hook.id, status: 'dead' });
    expect(letters.items).toEqual([expect.objectContaining({ id: dead.id, status: 'dead', attempts: 12, responseStatus: 503, lastError: 'HTTP 503 unavailable' })]);
    expect((await runOperation(t.db, viewer, listWebhooks, {})).items.find((item) => item.id === hook.id)).toMatchObject({ dead: 1, pending: 0 });
    await expect(runOperation(t.db, viewer, replayWebhookDelivery, { webhookId: hook.id, deliveryId: dead.id })).rejects.toMatchObject({ code: 'forbidden' });

    const replayed = await runOperation(t.db, admin, replayWebhookDelivery, { webhookId: hook.id, deliveryId: dead.id });
    expect(replayed).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    await expect(runOperation(t.db, admin, replayWebhookDelivery, { webhookId: hook.id, deliveryId: dead.id })).rejects.toMatchObject({ code: 'conflict' });
    const result = await deliverDueWebhooks(t.db, new Date(Date.now() + 1000), { allowInsecure: true });
    expect(result).toMatchObject({ delivered: 1 });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toEqual(payload);
    expect(verifyWebhookSignature('whsec_test-secret', received[0]!.signature, received[0]!.body, 300)).toBe(true);
    const delivered = await runOperation(t.db, viewer, listWebhookDeliveries, { webhookId: hook.id });
    expect(delivered.items).toEqual([expect.objectContaining({ id: dead.id, status: 'delivered', attempts: 1, responseStatus: null })]);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: dead.id } });
    expect(entry).toMatchObject({ action: 'webhooks.deliveries.replay', resourceType: 'webhook_delivery', before: { status: 'dead' }, after: { status: 'pending' } });
    const other = await runOperation(t.db, admin, createWebhook, { url: PUBLIC_URL });
    await expect(runOperation(t.db, admin, replayWebhookDelivery, { webhookId: other.id, deliveryId: dead.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pages the delivery log newest first with a cursor', async () => {
    const hook = await t.db.webhook.create({ data: { url: PUBLIC_URL, secret: 'whsec_x', eventTypes: [] } });
    const base = Date.now();
    for (let index = 0; index < 5; index += 1) {
      await t.db.webhookDelivery.create({ data: { webhookId: hook.id, recordId: `r${index}`, eventType: 'dev.tollgate.usage.recorded', payload: {}, createdAt: new Date(base + index * 1000) } });
    }
    const first = await runOperation(t.db, viewer, listWebhookDeliveries, { webhookId: hook.id, limit: 3 });
    const second = await runOperation(t.db, viewer, listWebhookDeliveries, { webhookId: hook.id, limit: 3, cursor: first.next_cursor });
    expect([...first.items, ...second.items].map((item) => item.recordId)).toEqual(['r4', 'r3', 'r2', 'r1', 'r0']);
    expect(second.next_cursor).toBeNull();
  });
});
