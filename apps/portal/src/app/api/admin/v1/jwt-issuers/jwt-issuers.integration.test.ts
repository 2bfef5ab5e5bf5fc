import { beforeAll, describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
const collection = () => import('./route');
const item = () => import('./[id]/route');
const PATH = '/api/admin/v1/jwt-issuers';
const PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----';
const idp = { api: 'weather', issuer: 'https://id.example.com/', audience: ['weather-api'], jwksUrl: 'https://id.example.com/jwks.json', clients: [{ subject: 'svc-1', app: 'acme-app' }] };

beforeAll(async () => {
  await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather' } });
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
});

describe('/api/admin/v1/jwt-issuers', () => {
  it('creates, reads with an ETag, switches key source with If-Match, lists and deletes, with an audit entry per write', async () => {
    const { GET, POST } = await collection();
    const created = await call(POST, 'POST', PATH, { token: tokens.admin, body: idp });
    expect(created.status).toBe(201);
    const issuer = await json<{ id: string }>(created);
    expect(created.headers.get('location')).toBe(`${PATH}/${issuer.id}`);
    const one = await item();
    const params = { id: issuer.id };
    const read = await call(one.GET, 'GET', `${PATH}/${issuer.id}`, { token: tokens.viewer, params });
    expect(await json(read)).toEqual(issuer);
    const etag = read.headers.get('etag')!;
    const patched = await call(one.PATCH, 'PATCH', `${PATH}/${issuer.id}`, { token: tokens.admin, params, body: { jwksUrl: null, publicKeyPem: PEM, algorithms: ['EdDSA'] }, headers: { 'if-match': etag } });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ jwksUrl: null, publicKeyPem: PEM, algorithms: ['EdDSA'], clients: [{ subject: 'svc-1', app: 'acme-app' }] });
    const stale = await call(one.PATCH, 'PATCH', `${PATH}/${issuer.id}`, { token: tokens.admin, params, body: { clockSkewSeconds: 10 }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    const list = await json<{ items: { id: string }[] }>(await call(GET, 'GET', `${PATH}?api=weather`, { token: tokens.viewer }));
    expect(list.items.map((entry) => entry.id)).toEqual([issuer.id]);
    expect((await call(one.DELETE, 'DELETE', `${PATH}/${issuer.id}`, { token: tokens.owner, params })).status).toBe(204);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: issuer.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ['jwt_issuers.create', 'test admin'],
      ['jwt_issuers.update', 'test admin'],
      ['jwt_issuers.delete', 'bootstrap'],
    ]);
    expect(JSON.stringify(audit.map((entry) => entry.after))).not.toContain('MCowBQYDK2VwAyEA');
  });

  it('names each invalid field: http JWKS, HS256, unknown app, both key sources; a second issuer string on an API is 409', async () => {
    const { POST } = await collection();
    const bad = await call(POST, 'POST', PATH, { token: tokens.admin, body: { ...idp, jwksUrl: 'http://idp.internal/jwks', algorithms: ['HS256'], clockSkewSeconds: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json<{ invalid_params: { name: string }[] }>(bad);
    expect(problem.invalid_params.map((param) => param.name)).toEqual(expect.arrayContaining(['jwksUrl', 'algorithms[0]', 'clockSkewSeconds']));
    const ghost = await call(POST, 'POST', PATH, { token: tokens.admin, body: { ...idp, clients: [{ subject: 'x', app: 'ghost' }] } });
    expect(await json(ghost)).toMatchObject({ status: 400, invalid_params: [{ name: 'clients[0].app' }] });
    const both = await call(POST, 'POST', PATH, { token: tokens.admin, body: { ...idp, publicKeyPem: PEM } });
    expect(await json(both)).toMatchObject({ status: 400, invalid_params: [{ name: 'jwksUrl' }] });
    expect((await call(POST, 'POST', PATH, { token: tokens.admin, body: idp })).status).toBe(201);
    const duplicate = await call(POST, 'POST', PATH, { token: tokens.admin, body: idp });
    expect(duplicate.status).toBe(409);
    expect(await json(duplicate)).toMatchObject({ code: 'conflict', invalid_params: [{ name: 'issuer' }] });
  });

  it('pages with a cursor and a Link header, and caps the page size', async () => {
    const { GET, POST } = await collection();
    for (const name of ['a', 'b', 'c']) await call(POST, 'POST', PATH, { token: tokens.admin, body: { ...idp, issuer: `https://${name}.example/`, clients: [] } });
    const first = await call(GET, 'GET', `${PATH}?limit=2`, { token: tokens.viewer });
    const page = await json<{ items: { id: string }[]; next_cursor: string }>(first);
    expect(page.items).toHaveLength(2);
    const link = first.headers.get('link')!;
    const rest = await json<{ items: { id: string }[]; next_cursor: string | null }>(await call(GET, 'GET', link.slice(1, link.indexOf('>')), { token: tokens.viewer }));
    expect(new Set([...page.items, ...rest.items].map((entry) => entry.id)).size).toBe(page.items.length + rest.items.length);
    expect(page.items.length + rest.items.length).toBe(await t.db.jwtIssuer.count());
    expect((await call(GET, 'GET', `${PATH}?limit=101`, { token: tokens.viewer })).status).toBe(400);
  });

  it('guards every route: 401 without a valid token, 403 for a viewer write, 404 for a missing issuer', async () => {
    await expectRouteGuards({ module: await collection(), path: PATH, body: { ...idp, issuer: 'https://guard.example/' } }, tokens);
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRouteGuards({ module: await item(), path: `${PATH}/${missing}`, params: { id: missing }, body: { clockSkewSeconds: 1 }, missing: { path: `${PATH}/nothing`, params: { id: 'nothing' } } }, tokens);
  });
});
