// Traffic splits and target hosts through every door that writes them: config apply
// (and export back), and the admin API's upstream update. Bad input is refused whole.
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { CLI_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { applyConfigFile, exportConfigFile } from '../config';
import { createRoute, updateRoute } from '../routes';
import { getUpstream, updateUpstream } from './index';

const t = useTestDatabase();

const targets = [
  { url: 'http://127.0.0.1:4010', version: 'stable' },
  { url: 'http://127.0.0.2:4010', version: 'canary' },
];
const file = (upstream: object, routes: object[] = [{ path: '/cart', split: { weights: { canary: 100 } } }]) => ({
  apis: [{ slug: 'shop', name: 'Shop', basePath: '/shop', status: 'published', upstream, routes }],
});
const split = { weights: { stable: 95, canary: 5 }, rules: [{ plans: ['partner'], version: 'canary' }], stickyCookie: 'visitor' };

describe('traffic split through apply, export and the admin API', () => {
  it('stores versions and the split, exports them, and applies the export as a no-op', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file({ targets, split }) });
    const exported = await runOperation(t.db, CLI_PRINCIPAL, exportConfigFile, {});
    const api = (exported as { apis: { upstream: unknown; routes: unknown[] }[] }).apis[0]!;
    expect(api.upstream).toMatchObject({ targets: [{ url: targets[0]!.url, version: 'stable' }, { url: targets[1]!.url, version: 'canary' }], split: { ...split, sticky: 'consumer' } });
    expect(api.routes[0]).toMatchObject({ split: { weights: { canary: 100 } } });
    const again = await applyConfigFile(t.db, CLI_PRINCIPAL, { config: exported });
    expect(again.changes).toEqual([]);
    expect(await runOperation(t.db, CLI_PRINCIPAL, getUpstream, { apiSlug: 'shop' })).toMatchObject({ targets: [{ version: 'stable' }, { version: 'canary' }], split: { weights: { stable: 95, canary: 5 } } });
  });

  it('refuses weights that do not sum to 100, an unknown version and a host that does not resolve, naming each field, writing nothing', async () => {
    const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
    const before = await revision();
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config: file({ targets, split: { weights: { stable: 95, canary: 10 } } }) })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'config.apis[0].upstream.split.weights', reason: 'must sum to 100 (they sum to 105)' }],
    });
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config: file({ targets, split: { weights: { stable: 95, beta: 5 } } }) })).rejects.toMatchObject({
      invalidParams: [{ name: 'config.apis[0].upstream.split.weights.beta' }],
    });
    const unresolvable = [targets[0]!, { url: 'http://no-such-host.invalid:8080', version: 'canary' }];
    await expect(applyConfigFile(t.db, CLI_PRINCIPAL, { config: file({ targets: unresolvable, split }) })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'config.apis[0].upstream.targets[1].url', reason: expect.stringContaining('host "no-such-host.invalid" does not resolve') }],
    });
    expect(await revision()).toBe(before);
    expect((await t.db.upstreamTarget.findMany()).map((target) => target.url).sort()).toEqual(targets.map((target) => target.url));
  });

  it('the admin API update sets and clears a split, with the same checks', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file({ targets: [{ url: 'http://127.0.0.1:4010' }] }, [{ path: '/cart' }]) });
    await runOperation(t.db, CLI_PRINCIPAL, updateUpstream, { apiSlug: 'shop', targets, split });
    const stored = await t.db.upstream.findFirstOrThrow({ include: { targets: { orderBy: { url: 'asc' } } } });
    expect(stored.targets.map((target) => target.version)).toEqual(['stable', 'canary']);
    expect(stored.settings).toMatchObject({ split: { weights: { stable: 95, canary: 5 } }, retries: { attempts: 2 } });
    await expect(runOperation(t.db, CLI_PRINCIPAL, updateUpstream, { apiSlug: 'shop', targets, split: { weights: { stable: 50 } } })).rejects.toMatchObject({
      invalidParams: [{ name: 'split.weights' }],
    });
    await expect(runOperation(t.db, CLI_PRINCIPAL, updateUpstream, { apiSlug: 'shop', targets: [{ url: 'http://nowhere.invalid' }] })).rejects.toMatchObject({
      invalidParams: [{ name: 'targets[0].url' }],
    });
    await runOperation(t.db, CLI_PRINCIPAL, updateUpstream, { apiSlug: 'shop', targets: [{ url: 'http://127.0.0.1:4010' }] });
    expect((await t.db.upstream.findFirstOrThrow()).settings).not.toHaveProperty('split');
  });

  it("refuses a route's own split naming a version the API's targets do not serve, on create and on update", async () => {
    await runOperation(t.db, CLI_PRINCIPAL, updateUpstream, { apiSlug: 'shop', targets });
    await expect(runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/beta', split: { weights: { stable: 50, beta: 50 } } })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'split.weights.beta', reason: 'unknown version "beta": no target names it' }],
    });
    const route = await runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/canary-only', split: { weights: { canary: 100 } } });
    expect(route.policies.split).toMatchObject({ weights: { canary: 100 } });
    await expect(runOperation(t.db, CLI_PRINCIPAL, updateRoute, { apiSlug: 'shop', routeId: route.id, split: { weights: { canary: 100 }, rules: [{ header: 'x-beta', version: 'beta' }] } })).rejects.toMatchObject({
      invalidParams: [{ name: 'split.rules[0].version' }],
    });
    expect((await t.db.route.findUniqueOrThrow({ where: { id: route.id } })).policies).toMatchObject({ split: { weights: { canary: 100 }, rules: [] } });
  });
});
