import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');
const deliveries = () => import('./[id]/deliveries/route');
const replay = () => import('./[id]/deliveries/[deliveryId]/replay/route');
const PATH = '/api/admin/v1/webhooks';
const PUBLIC_URL = 'https://93.184.215.14/hooks';

describe('/api/admin/v1/webhooks', () => {
  it('creates with the secret shown once, reads without it, updates with If-Match, deletes; audit entries never hold the secret', async () => {
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', PATH, { token: tokens.admin, body: { url: PUBLIC_URL, events: ['dev.tollgate.statement.closed'] } });
    expect(created.status).toBe(201);
    const hook = await json<{ id: string; secret: string }>(created);
    expect(hook.secret).toMatch(/^whsec_/);
    const one = await item();
    const params = { id: hook.id };
    const read = await call(one.GET, 'GET', `${PATH}/${hook.id}`, { token: tokens.viewer, params });
    const body = await json(read);
    expect(body).not.toHaveProperty('secret');
    expect(body).toMatchObject({ url: PUBLIC_URL, events: ['dev.tollgate.statement.closed'], active: true, team: null });
    const etag = read.headers.get('etag')!;
    const paused = await call(one.PATCH, 'PATCH', `${PATH}/${hook.id}`, { token: tokens.admin, params, body: { active: false }, headers: { 'if-match': etag } });
    expect(await json(paused)).toMatchObject({ active: false });
    expect((await call(one.PATCH, 'PATCH', `${PATH}/${hook.id}`, { token: tokens.admin, params, body: { active: true }, headers: { 'if-match': etag } })).status).toBe(412);
    const list = await json<{ items: { id: string; dead: number }[] }>(await call(GET, 'GET', PATH, { token: tokens.viewer }));
    expect(list.items).toEqual([expect.objectContaining({ id: hook.id, dead: 0, pending: 0 })]);
    expect(JSON.stringify(list)).not.toContain(hook.secret);
    expect((await call(one.DELETE, 'DELETE', `${PATH}/${hook.id}`, { token: tokens.admin, params })).status).toBe(204);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: hook.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['webhooks.create', 'webhooks.update', 'webhooks.delete']);
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toContain(hook.secret.slice(6));
  });

  it('refuses loopback, metadata and file: targets and unknown event types, naming the field', async () => {
    const { POST } = await collection();
    for (const url of ['https://127.0.0.1/hook', 'https://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'https://[::1]/']) {
      const refused = await call(POST, 'POST', PATH, { token: tokens.admin, body: { url } });
      expect(refused.status, url).toBe(400);
      expect(await json(refused)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'url' }] });
    }
    const events = await call(POST, 'POST', PATH, { token: tokens.admin, body: { url: PUBLIC_URL, events: ['user.created'] } });
    expect(await json(events)).toMatchObject({ status: 400, invalid_params: [{ name: 'events[0]' }] });
    expect(await t.db.webhook.count()).toBe(0);
  });

  it('lists deliveries and dead letters in pages and replays a dead one (queued for the worker)', async () => {
    const hook = await t.db.webhook.create({ data: { url: PUBLIC_URL, secret: 'whsec_x', eventTypes: [] } });
    const base = Date.now();
    const rows = [];
    for (let index = 0; index < 3; index += 1) {
      rows.push(
        await t.db.webhookDelivery.create({
          data: { webhookId: hook.id, recordId: `r${index}`, eventType: 'dev.tollgate.usage.recorded', payload: {}, createdAt: new Date(base + index * 1000), ...(index < 2 ? { status: 'dead', attempts: 12, lastError: 'HTTP 500 boom' } : {}) },
        }),
      );
    }
    const list = (await deliveries()).GET;
    const first = await call(list, 'GET', `${PATH}/${hook.id}/deliveries?limit=2`, { token: tokens.viewer, params: { id: hook.id } });
    const page = await json<{ items: { recordId: string }[] }>(first);
    expect(page.items.map((entry) => entry.recordId)).toEqual(['r2', 'r1']);
    const link = first.headers.get('link')!;
    const next = await json<{ items: { recordId: string }[] }>(await call(list, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer, params: { id: hook.id } }));
    expect(next.items.map((entry) => entry.recordId)).toEqual(['r0']);
    const dead = await json<{ items: { id: string; responseStatus: number }[] }>(await call(list, 'GET', `${PATH}/${hook.id}/deliveries?status=dead`, { token: tokens.viewer, params: { id: hook.id } }));
    expect(dead.items.map((entry) => entry.responseStatus)).toEqual([500, 500]);
    const { POST } = await replay();
    const target = rows[0]!;
    const path = `${PATH}/${hook.id}/deliveries/${target.id}/replay`;
    const params = { id: hook.id, deliveryId: target.id };
    expect((await call(POST, 'POST', path, { token: tokens.viewer, params })).status).toBe(403);
    const replayed = await call(POST, 'POST', path, { token: tokens.admin, params });
    expect(replayed.status).toBe(200);
    expect(await json(replayed)).toMatchObject({ id: target.id, status: 'pending', attempts: 0, lastError: null });
    expect((await call(POST, 'POST', path, { token: tokens.admin, params })).status).toBe(409);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { resourceId: target.id } });
    expect(audit).toMatchObject({ action: 'webhooks.deliveries.replay', actorLabel: 'test admin' });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call(POST, 'POST', `${PATH}/${hook.id}/deliveries/${missing}/replay`, { token: tokens.admin, params: { id: hook.id, deliveryId: missing } })).status).toBe(404);
  });

  it('guards every route: 401 without a valid token, 403 for a viewer write, 404 for a missing webhook', async () => {
    await expectRouteGuards({ module: await collection(), path: PATH, body: { url: PUBLIC_URL } }, tokens);
    const missing = '00000000-0000-4000-8000-000000000000';
    const gone = { path: `${PATH}/${missing}`, params: { id: missing } };
    await expectRouteGuards({ module: await item(), path: gone.path, params: gone.params, body: { active: false }, missing: gone }, tokens);
    await expectRouteGuards({ module: await deliveries(), path: `${gone.path}/deliveries`, params: gone.params, missing: { path: `${gone.path}/deliveries`, params: gone.params } }, tokens);
    const replayParams = { id: missing, deliveryId: missing };
    await expectRouteGuards({ module: await replay(), path: `${gone.path}/deliveries/${missing}/replay`, params: replayParams, missing: { path: `${gone.path}/deliveries/${missing}/replay`, params: replayParams } }, tokens);
  });
});
