// Route backends through every door that writes them: apply (file), export and the
// admin API's route operations. A reference that does not resolve is refused naming its
// field, and nothing is written.
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { applyConfigFile, exportConfigFile } from '../config';
import { CLI_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createRoute } from './create-route';
import { updateRoute } from './update-route';

const t = useTestDatabase();

const aggregate = (upstream: string) => ({ kind: 'aggregate', calls: [{ name: 'profile', path: '/profiles/{params.id}' }, { name: 'orders', upstream, path: '/orders', query: { customer: '{params.id}' }, timeoutMs: 500, optional: true }] });
const soap = () => ({ kind: 'soap', version: '1.2', operation: 'GetForecast', namespace: 'urn:weather', action: 'urn:weather#GetForecast' });

const file = (upstream = 'orders') => ({
  apis: [
    {
      slug: 'customers',
      name: 'Customers',
      basePath: '/customers',
      status: 'published',
      upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] },
      routes: [
        { path: '/{id}/overview', backend: aggregate(upstream) },
        { path: '/forecast/{city}', methods: ['GET', 'POST'], backend: soap() },
      ],
    },
    { slug: 'orders', name: 'Orders', basePath: '/orders', upstream: { targets: [{ url: 'http://127.0.0.1:4011' }] } },
  ],
});

describe('route backends', () => {
  it('applies, exports and applies back as a no-op', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() });
    const route = await t.db.route.findFirstOrThrow({ where: { path: '/{id}/overview' } });
    expect(route.policies).toMatchObject({ backend: { kind: 'aggregate', calls: [{ name: 'profile' }, { name: 'orders', upstream: 'orders', optional: true }] } });
    const exported = (await runOperation(t.db, CLI_PRINCIPAL, exportConfigFile, {})) as { apis: { routes: { backend?: unknown }[] }[] };
    expect(exported.apis[0]!.routes.map((r) => r.backend)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'soap', operation: 'GetForecast' })]));
    expect((await applyConfigFile(t.db, CLI_PRINCIPAL, { config: exported })).changes).toEqual([]);
  });

  it('refuses a call to an unknown upstream at apply, naming the field, and writes nothing', async () => {
    const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
    const before = { revision: await revision(), routes: await t.db.route.findMany({ orderBy: { id: 'asc' } }) };
    const config = file('nowhere');
    config.apis[0]!.name = 'Customers renamed';
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'apis[0].routes[0].backend.calls[1].upstream', reason: expect.stringContaining('unknown api "nowhere"') }],
    });
    expect(await revision()).toBe(before.revision);
    expect(await t.db.route.findMany({ orderBy: { id: 'asc' } })).toEqual(before.routes);
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'customers' } })).name).toBe('Customers');
  });

  it('refuses a SOAP backend without its operation, naming the field', async () => {
    const config = file();
    const withoutOperation = config.apis[0]!.routes![1] as { backend: Record<string, unknown> };
    delete withoutOperation.backend.operation;
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: expect.arrayContaining([expect.objectContaining({ name: 'config.apis[0].routes[1].backend.operation' })]),
    });
  });

  it('the admin API refuses an unknown upstream and a placeholder the route lacks on create and update', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() });
    await expect(runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'customers', path: '/{id}/summary', backend: aggregate('nowhere') })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'backend.calls[1].upstream', reason: 'unknown api "nowhere"' }],
    });
    await expect(runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'customers', path: '/summary', backend: aggregate('orders') })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: expect.arrayContaining([expect.objectContaining({ name: 'backend.calls[0].path' }), expect.objectContaining({ name: 'backend.calls[1].query.customer' })]),
    });
    const created = (await runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'customers', path: '/{id}/summary', backend: aggregate('orders') })) as { id: string; policies: Record<string, unknown> };
    expect(created.policies.backend).toMatchObject({ kind: 'aggregate' });
    await expect(runOperation(t.db, CLI_PRINCIPAL, updateRoute, { apiSlug: 'customers', routeId: created.id, backend: aggregate('gone') })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'backend.calls[1].upstream' }],
    });
  });
});
