import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { etagOf } from '../core/etag';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createJwtIssuer, deleteJwtIssuer, getJwtIssuer, listJwtIssuers, updateJwtIssuer } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };
const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
const idp = { api: 'weather', issuer: 'https://id.example.com/', audience: ['weather-api'], jwksUrl: 'https://id.example.com/.well-known/jwks.json' };

beforeAll(async () => {
  await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather' } });
  const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
  await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
});

describe('JWT issuer operations', () => {
  it('creates an issuer with its clients and defaults, bumps the config revision on every write, and audits each', async () => {
    const start = await revision();
    const created = await runOperation(t.db, admin, createJwtIssuer, { ...idp, clients: [{ subject: 'svc-1', app: 'acme-app' }] });
    expect(created).toMatchObject({ api: 'weather', algorithms: ['RS256', 'ES256'], appClaim: 'sub', clockSkewSeconds: 30, publicKeyPem: null, clients: [{ subject: 'svc-1', app: 'acme-app' }] });
    expect(await revision()).toBe(start + 1n);
    expect(await runOperation(t.db, viewer, getJwtIssuer, { id: created.id })).toEqual(created);
    const updated = await runOperation(t.db, admin, updateJwtIssuer, { id: created.id, clockSkewSeconds: 5, clients: [{ subject: 'svc-2', app: 'acme-app' }] }, { ifMatch: etagOf(created) });
    expect(updated).toMatchObject({ clockSkewSeconds: 5, jwksUrl: idp.jwksUrl, clients: [{ subject: 'svc-2' }] });
    expect(await t.db.jwtClient.count({ where: { issuerId: created.id } })).toBe(1);
    await expect(runOperation(t.db, admin, updateJwtIssuer, { id: created.id, clockSkewSeconds: 6 }, { ifMatch: etagOf(created) })).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await revision()).toBe(start + 2n);
    const page = await runOperation(t.db, viewer, listJwtIssuers, { api: 'weather' });
    expect(page.items.map((item) => item.id)).toEqual([created.id]);
    await runOperation(t.db, admin, deleteJwtIssuer, { id: created.id });
    expect(await revision()).toBe(start + 3n);
    await expect(runOperation(t.db, viewer, getJwtIssuer, { id: created.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, viewer, getJwtIssuer, { id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found' });
    const audit = await t.db.auditLog.findMany({ where: { resourceId: created.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['jwt_issuers.create', 'jwt_issuers.update', 'jwt_issuers.delete']);
  });

  it('holds the config file\'s rules: https JWKS, asymmetric algorithms, one key source, known API and apps, one issuer per API', async () => {
    const refused = async (input: Record<string, unknown>, field: string) =>
      expect(runOperation(t.db, admin, createJwtIssuer, { ...idp, ...input })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: expect.arrayContaining([expect.objectContaining({ name: field })]) });
    await refused({ jwksUrl: 'http://idp.internal/jwks' }, 'jwksUrl');
    await refused({ jwksUrl: 'file:///etc/passwd' }, 'jwksUrl');
    await refused({ algorithms: ['HS256'] }, 'algorithms[0]');
    await refused({ algorithms: ['none'] }, 'algorithms[0]');
    await refused({ jwksUrl: undefined }, 'jwksUrl');
    await refused({ publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }, 'jwksUrl');
    await refused({ clockSkewSeconds: 3600 }, 'clockSkewSeconds');
    await refused({ audience: [] }, 'audience');
    await refused({ api: 'nothing' }, 'api');
    await refused({ clients: [{ subject: 'a', app: 'ghost-app' }] }, 'clients[0].app');
    await refused({ clients: [{ subject: 'a', app: 'acme-app' }, { subject: 'a', app: 'acme-app' }] }, 'clients[1].subject');
    await runOperation(t.db, admin, createJwtIssuer, idp);
    await expect(runOperation(t.db, admin, createJwtIssuer, idp)).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'issuer' }] });
  });

  it('lets a viewer read but not write', async () => {
    await expect(runOperation(t.db, viewer, createJwtIssuer, { ...idp, issuer: 'https://other.example/' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    const [existing] = (await runOperation(t.db, viewer, listJwtIssuers, {})).items;
    await expect(runOperation(t.db, viewer, updateJwtIssuer, { id: existing!.id, clockSkewSeconds: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runOperation(t.db, viewer, deleteJwtIssuer, { id: existing!.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
