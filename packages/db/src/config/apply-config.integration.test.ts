import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ZConfigFile, type TConfigFile } from '@tollgate/contracts';
import { generateApiKey, hashApiKey } from '@tollgate/domain';
import { isTollgateError } from '@tollgate/errors';
import { useTestDatabase } from '../testing';
import { applyConfig } from './apply-config';
import { CONFIG_CHANNEL } from './bump-config-revision';

const t = useTestDatabase();
const demoKey = generateApiKey().key;

function config(overrides: Partial<Record<keyof TConfigFile, unknown>> = {}): TConfigFile {
  return ZConfigFile.parse({
    apis: [
      {
        slug: 'weather',
        name: 'Weather',
        basePath: '/weather',
        status: 'published',
        upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] },
        routes: [
          { path: '/forecast/{city}', methods: ['GET'] },
          { path: '/bulk', methods: ['POST'], weight: 10 },
        ],
      },
    ],
    plans: [{ slug: 'free', name: 'Free', apis: ['weather'], rateLimit: { requests: 10, per: 'minute' }, quota: { requests: 1000, per: 'month' } }],
    users: [{ email: 'dev@example.com', name: 'Dev', password: 'password1' }],
    teams: [
      {
        slug: 'acme',
        name: 'Acme',
        members: [{ email: 'dev@example.com', role: 'owner' }],
        apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }], keys: [{ key: demoKey, name: 'ci' }] }],
      },
    ],
    ...overrides,
  });
}

async function revision(): Promise<bigint> {
  return (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
}

describe('applyConfig', () => {
  it('writes the whole file, then changes nothing the second time', async () => {
    const first = await applyConfig(t.db, config(), { baseDir: '.' });
    expect(first.changes.map((change) => `${change.action} ${change.kind}`)).toEqual([
      'create user',
      'create api',
      'create target',
      'create route',
      'create route',
      'create plan',
      'create team',
      'create member',
      'create app',
      'create subscription',
      'create key',
    ]);
    const afterFirst = await revision();
    expect(BigInt(first.revision)).toBe(afterFirst);

    const second = await applyConfig(t.db, config(), { baseDir: '.' });
    expect(second.changes).toEqual([]);
    expect(await revision()).toBe(afterFirst);

    const key = await t.db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(demoKey) } });
    expect(key.prefix).toBe(demoKey.slice(0, 'tg_live_'.length + 6));
    const stored = JSON.stringify(await t.db.apiKey.findMany());
    expect(stored).not.toContain(demoKey);
  });

  it('reports updates and removes routes the file no longer lists', async () => {
    const changed = config();
    changed.apis[0]!.routes = [{ ...changed.apis[0]!.routes[0]!, weight: 3 }];
    changed.plans[0]!.rateLimit = { requests: 20, per: 'minute' };
    const result = await applyConfig(t.db, changed, { baseDir: '.' });
    expect(result.changes.map((change) => `${change.action} ${change.kind} ${change.name}`)).toEqual([
      'delete route weather POST /bulk',
      'update route weather GET /forecast/{city}',
      'update plan free',
    ]);
    expect(await t.db.route.count()).toBe(1);
  });

  it('writes nothing when a reference does not resolve, and names the field', async () => {
    const before = await revision();
    const broken = config();
    broken.teams[0]!.apps[0]!.subscriptions = [{ api: 'weather', plan: 'gold', status: 'active' }];
    broken.apis.push({ ...broken.apis[0]!, slug: 'maps', basePath: '/maps' });
    const error = await applyConfig(t.db, broken, { baseDir: '.' }).catch((caught: unknown) => caught);
    expect(isTollgateError(error) && error.invalidParams).toEqual([
      { name: 'teams[0].apps[0].subscriptions[0].plan', reason: 'unknown plan "gold" (not in this file nor in the database)' },
    ]);
    expect(await t.db.api.findUnique({ where: { slug: 'maps' } })).toBeNull();
    expect(await revision()).toBe(before);
  });

  it('stores API, route and upstream policies for the gateway to parse', async () => {
    await applyConfig(t.db, config(), { baseDir: '.' });
    const withPolicies = config();
    withPolicies.apis[0]!.policies = { cors: { origins: ['https://app.example.com'], methods: ['GET'], headers: [], exposeHeaders: [], credentials: false, maxAgeSeconds: 60 }, failClosed: true };
    withPolicies.apis[0]!.routes[0]!.cache = { ttlSeconds: 30, vary: ['accept'] };
    withPolicies.apis[0]!.upstream.retries = { attempts: 0, backoffMs: 10 };
    const result = await applyConfig(t.db, withPolicies, { baseDir: '.' });
    expect(result.changes.map((change) => `${change.action} ${change.kind}`)).toEqual(['update api', 'update api', 'update route']);
    const api = await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' }, include: { upstream: true, routes: true } });
    expect(api.policies).toMatchObject({ failClosed: true, cors: { origins: ['https://app.example.com'] } });
    expect(api.upstream!.settings).toMatchObject({ retries: { attempts: 0 }, timeouts: { connectMs: 5000 } });
    expect(api.routes.find((route) => route.path === '/forecast/{city}')!.policies).toEqual({ cache: { ttlSeconds: 30, vary: ['accept'] }, limitBy: 'subscription', maxBodyBytes: 10485760 });
    expect((await applyConfig(t.db, withPolicies, { baseDir: '.' })).changes).toEqual([]);
  });

  it('dry run computes the changes and rolls them back', async () => {
    await applyConfig(t.db, config(), { baseDir: '.' });
    const renamed = config();
    renamed.apis[0]!.name = 'Weather v2';
    const result = await applyConfig(t.db, renamed, { baseDir: '.', dryRun: true });
    expect(result.changes).toEqual([expect.objectContaining({ action: 'update', kind: 'api', name: 'weather' })]);
    expect((await t.db.api.findUniqueOrThrow({ where: { slug: 'weather' } })).name).toBe('Weather');
  });

  it('prune deletes what the file no longer names', async () => {
    const result = await applyConfig(t.db, config({ teams: [], plans: [] }), { baseDir: '.', prune: true });
    expect(result.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'delete', kind: 'app', name: 'acme-app' }),
        expect.objectContaining({ action: 'delete', kind: 'team', name: 'acme' }),
        expect.objectContaining({ action: 'delete', kind: 'plan', name: 'free' }),
      ]),
    );
    expect(await t.db.apiKey.count()).toBe(0);
    expect(await t.db.user.count()).toBe(1);
  });

  it('notifies listening gateways with the new revision when it commits', async () => {
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    try {
      await listener.query(`LISTEN ${CONFIG_CHANNEL}`);
      const notified = new Promise<string>((resolve) => listener.once('notification', (message) => resolve(message.payload ?? '')));
      const result = await applyConfig(t.db, config(), { baseDir: '.' });
      expect(result.changes.length).toBeGreaterThan(0);
      expect(await notified).toBe(result.revision);
    } finally {
      await listener.end();
    }
  });

  it('rejects an openapi path that does not exist, naming the field', async () => {
    const withSpec = config();
    withSpec.apis[0]!.openapi = './missing.yaml';
    const error = await applyConfig(t.db, withSpec, { baseDir: '/tmp' }).catch((caught: unknown) => caught);
    expect(isTollgateError(error) && error.invalidParams?.[0]?.name).toBe('apis[0].openapi');
  });
});
