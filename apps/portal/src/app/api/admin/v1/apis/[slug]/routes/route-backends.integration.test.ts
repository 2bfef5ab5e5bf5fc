// A route's backend through the admin API: set, read back, refused naming its field, and
// described in the OpenAPI document from the same zod schema.
import { describe, expect, it } from 'vitest';
import { ADMIN_ENDPOINTS } from '@/lib/openapi/admin-endpoints';
import { buildAdminOpenApi } from '@/lib/openapi/build-admin-openapi';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { tokens } = useAdminApi();
const base = '/api/admin/v1/apis/shop/routes';
const params = { slug: 'shop' };

async function createApis() {
  const apis = await import('../../route');
  for (const slug of ['shop', 'orders']) {
    await call(apis.POST, 'POST', '/api/admin/v1/apis', { token: tokens.admin, body: { slug, name: slug, basePath: `/${slug}` } });
  }
}

describe('route backends in the admin API', () => {
  it('sets an aggregate and a SOAP backend, and refuses an unknown upstream and a missing operation naming the field', async () => {
    await createApis();
    const { POST } = await import('./route');
    const aggregate = { kind: 'aggregate', calls: [{ name: 'profile', path: '/customers/{params.id}' }, { name: 'orders', upstream: 'orders', path: '/orders', optional: true, timeoutMs: 250 }] };
    const created = await call(POST, 'POST', base, { token: tokens.admin, params, body: { path: '/customers/{id}', backend: aggregate } });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ policies: { backend: { kind: 'aggregate', calls: [{ name: 'profile', optional: false }, { name: 'orders', upstream: 'orders', optional: true, timeoutMs: 250 }] } } });

    const unknown = await call(POST, 'POST', base, { token: tokens.admin, params, body: { path: '/other/{id}', backend: { ...aggregate, calls: [{ name: 'x', upstream: 'nowhere', path: '/x' }] } } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(await json(unknown)).toMatchObject({ code: 'invalid_params', invalid_params: [{ name: 'backend.calls[0].upstream', reason: 'unknown api "nowhere"' }] });

    const noOperation = await call(POST, 'POST', base, { token: tokens.admin, params, body: { path: '/forecast', methods: ['POST'], backend: { kind: 'soap', namespace: 'urn:weather' } } });
    expect(noOperation.status).toBe(400);
    expect((await json<{ invalid_params: { name: string }[] }>(noOperation)).invalid_params.map((param) => param.name)).toEqual(['backend.operation']);
  });

  it('describes the backend kinds in the OpenAPI document', () => {
    const document = buildAdminOpenApi(ADMIN_ENDPOINTS, '1.0.0');
    const text = JSON.stringify(document.components.schemas);
    for (const kind of ['proxy', 'aggregate', 'xml', 'soap']) expect(text).toContain(`"const":"${kind}"`);
    const create = (document.components.schemas as unknown as Record<string, { properties: Record<string, unknown> }>).CreateRouteRequest!;
    expect(create.properties).toHaveProperty('backend');
  });
});
