import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../apis';
import { createApp } from '../apps';
import { developerPrincipal, PUBLIC_PRINCIPAL, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createKey, revokeKey } from '../keys';
import { createPlan } from '../plans';
import { createSubscription } from '../subscriptions';
import { createTeam } from '../teams';
import { getCatalogApi, listCatalogApis, listTryItKeys } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
let partnerDev: Principal;
let plainDev: Principal;
let loner: Principal;
let partnerKey: { id: string; prefix: string };

const run = (operation: Parameters<typeof runOperation>[2], input: unknown) => runOperation(t.db, admin, operation, input);

async function developer(email: string, teamSlug?: string): Promise<Principal> {
  const user = await t.db.user.create({ data: { email, name: email, passwordHash: 'x', role: 'developer' } });
  if (teamSlug) {
    const team = await t.db.team.findUniqueOrThrow({ where: { slug: teamSlug } });
    await t.db.teamMember.create({ data: { teamId: team.id, userId: user.id } });
  }
  return developerPrincipal(user);
}

beforeAll(async () => {
  const apis = [
    { slug: 'weather', name: 'Weather', status: 'published', visibility: 'public', description: 'Forecasts by city' },
    { slug: 'maps', name: 'Maps', status: 'deprecated', visibility: 'public' },
    { slug: 'ledger', name: 'Ledger', status: 'published', visibility: 'partner' },
    { slug: 'internal', name: 'Internal', status: 'published', visibility: 'private' },
    { slug: 'soon', name: 'Soon', status: 'draft', visibility: 'public' },
    { slug: 'gone', name: 'Gone', status: 'retired', visibility: 'public' },
  ];
  for (const api of apis) await run(createApi, { ...api, basePath: `/${api.slug}` });
  await t.db.api.update({ where: { slug: 'weather' }, data: { tags: ['forecast', 'geo'], version: '2.1.0' } });
  await t.db.api.update({ where: { slug: 'maps' }, data: { tags: ['geo'], sunsetAt: new Date('2030-01-01T00:00:00Z') } });
  await t.db.api.update({ where: { slug: 'internal' }, data: { tags: ['secret-tag'] } });
  await run(createPlan, { slug: 'free', name: 'Free', apis: ['weather', 'ledger', 'internal'], rateLimit: { requests: 10, per: 'minute' } });
  await run(createPlan, { slug: 'gold', name: 'Gold', apis: ['weather'], price: { monthlyCents: 4900 }, approvalRequired: true, quota: { requests: 100000, per: 'month' } });
  await run(createTeam, { slug: 'partners', name: 'Partners' });
  await t.db.team.update({ where: { slug: 'partners' }, data: { partner: true } });
  await run(createTeam, { slug: 'plain', name: 'Plain' });
  partnerDev = await developer('pat@example.com', 'partners');
  plainDev = await developer('pia@example.com', 'plain');
  loner = await developer('lou@example.com');
  await run(createApp, { team: 'partners', slug: 'partner-app', name: 'Partner App' });
  await run(createApp, { team: 'plain', slug: 'plain-app', name: 'Plain App' });
  await run(createSubscription, { app: 'partner-app', api: 'weather', plan: 'free' });
  await run(createSubscription, { app: 'plain-app', api: 'weather', plan: 'free' });
  partnerKey = await run(createKey, { app: 'partner-app', name: 'laptop' }) as { id: string; prefix: string };
});

const slugsFor = async (principal: Principal, query: object = {}) => (await runOperation(t.db, principal, listCatalogApis, query)).items.map((api) => api.slug);

describe('catalog visibility', () => {
  it('lists published and deprecated public APIs, and partner-only ones only to members of a partner team', async () => {
    expect(await slugsFor(plainDev)).toEqual(['maps', 'weather']);
    expect(await slugsFor(loner)).toEqual(['maps', 'weather']);
    expect(await slugsFor(partnerDev)).toEqual(['ledger', 'maps', 'weather']);
  });

  it('answers not_found for a draft, retired, private or (to others) partner-only API, as for one that does not exist', async () => {
    for (const slug of ['soon', 'gone', 'internal', 'ledger', 'nothing-here']) {
      await expect(runOperation(t.db, plainDev, getCatalogApi, { slug })).rejects.toMatchObject({ code: 'not_found', status: 404 });
      await expect(runOperation(t.db, plainDev, listTryItKeys, { slug })).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(runOperation(t.db, partnerDev, getCatalogApi, { slug: 'ledger' })).resolves.toMatchObject({ api: { slug: 'ledger', visibility: 'partner' } });
    await expect(runOperation(t.db, partnerDev, getCatalogApi, { slug: 'internal' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows a stranger (nobody signed in) the public catalog and no keys', async () => {
    expect(await slugsFor(PUBLIC_PRINCIPAL)).toEqual(['maps', 'weather']);
    await expect(runOperation(t.db, PUBLIC_PRINCIPAL, getCatalogApi, { slug: 'ledger' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await runOperation(t.db, PUBLIC_PRINCIPAL, listTryItKeys, { slug: 'weather' })).toEqual([]);
  });

  it('gives an admin principal no partner reach: it belongs to no team here', async () => {
    expect(await slugsFor({ ...admin, role: 'viewer' })).toEqual(['maps', 'weather']);
  });
});

describe('catalog search and tags', () => {
  it('searches name, slug and description, filters by one tag, and offers only the tags of visible APIs', async () => {
    expect(await slugsFor(plainDev, { q: 'forecasts' })).toEqual(['weather']);
    expect(await slugsFor(plainDev, { q: 'MAP' })).toEqual(['maps']);
    expect(await slugsFor(plainDev, { tag: 'geo' })).toEqual(['maps', 'weather']);
    expect(await slugsFor(plainDev, { tag: 'forecast', q: 'maps' })).toEqual([]);
    expect((await runOperation(t.db, plainDev, listCatalogApis, {})).tags).toEqual(['forecast', 'geo']);
    expect(await slugsFor(plainDev, { tag: 'secret-tag' })).toEqual([]);
  });

  it('shows the lifecycle, version and plans side by side, cheapest first, without other APIs of a plan', async () => {
    const maps = await runOperation(t.db, plainDev, getCatalogApi, { slug: 'maps' });
    expect(maps.api).toMatchObject({ status: 'deprecated', sunsetAt: '2030-01-01T00:00:00.000Z' });
    const weather = await runOperation(t.db, plainDev, getCatalogApi, { slug: 'weather' });
    expect(weather.api).toMatchObject({ version: '2.1.0', tags: ['forecast', 'geo'] });
    expect(weather.plans.map((plan) => [plan.slug, plan.price.monthlyCents, plan.approvalRequired])).toEqual([['free', 0, false], ['gold', 4900, true]]);
    expect(weather.plans[0]).toMatchObject({ rateLimit: { requests: 10, per: 'minute' }, quota: null });
    expect(JSON.stringify(weather)).not.toContain('internal');
  });
});

describe('try-it keys', () => {
  it('lists only the caller teams\' usable keys for this API, without secrets', async () => {
    const keys = await runOperation(t.db, partnerDev, listTryItKeys, { slug: 'weather' });
    expect(keys).toEqual([{ id: partnerKey.id, name: 'laptop', prefix: partnerKey.prefix, environment: 'live', app: { slug: 'partner-app', name: 'Partner App' } }]);
    expect(await runOperation(t.db, plainDev, listTryItKeys, { slug: 'weather' })).toEqual([]);
    expect(await runOperation(t.db, loner, listTryItKeys, { slug: 'weather' })).toEqual([]);
    expect(await runOperation(t.db, partnerDev, listTryItKeys, { slug: 'maps' })).toEqual([]);
  });

  it('leaves out revoked keys, keys scoped to another API and subscriptions that are not active', async () => {
    const scoped = await run(createKey, { app: 'partner-app', name: 'scoped', scopes: ['weather:GET /forecast'] }).catch(() => null);
    expect(scoped).toBeNull(); // the route does not exist: refused by createKey itself
    const revoked = await run(createKey, { app: 'partner-app', name: 'old' }) as { id: string };
    await run(revokeKey, { id: revoked.id });
    await run(createSubscription, { app: 'partner-app', api: 'ledger', plan: 'free' });
    await run(createKey, { app: 'partner-app', name: 'ledger only', scopes: ['ledger'] });
    expect((await runOperation(t.db, partnerDev, listTryItKeys, { slug: 'weather' })).map((key) => key.name)).toEqual(['laptop']);
    expect((await runOperation(t.db, partnerDev, listTryItKeys, { slug: 'ledger' })).map((key) => key.name).sort()).toEqual(['laptop', 'ledger only']);
    await t.db.subscription.updateMany({ where: { app: { slug: 'partner-app' }, api: { slug: 'weather' } }, data: { status: 'suspended' } });
    expect(await runOperation(t.db, partnerDev, listTryItKeys, { slug: 'weather' })).toEqual([]);
  });
});
