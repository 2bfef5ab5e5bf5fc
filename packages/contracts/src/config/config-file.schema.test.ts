import { describe, expect, it } from 'vitest';
import { generateApiKey } from '@tollgate/domain';
import { ZConfigFile, routeKey } from './config-file.schema';
import { toInvalidParams } from '../invalid-params';

const minimal = {
  apis: [
    {
      slug: 'weather',
      name: 'Weather',
      basePath: '/weather',
      upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] },
      routes: [{ path: '/forecast/{city}', methods: ['GET'] }],
    },
  ],
};

describe('ZConfigFile', () => {
  it('fills defaults for a minimal file', () => {
    const config = ZConfigFile.parse(minimal);
    expect(config.apis[0]!.status).toBe('draft');
    expect(config.apis[0]!.routes[0]).toMatchObject({ auth: 'key', weight: 1, allowQueryKey: false });
    expect(config.apis[0]!.upstream.targets[0]!.weight).toBe(1);
  });

  it('names the field path of each problem', () => {
    const result = ZConfigFile.safeParse({
      apis: [{ ...minimal.apis[0], slug: 'Bad Slug', routes: [{ path: 'no-slash' }] }],
      plans: [{ slug: 'free', name: 'Free', rateLimit: { requests: 0, per: 'week' } }],
    });
    expect(result.success).toBe(false);
    const names = toInvalidParams(result.error!).map((param) => param.name);
    expect(names).toEqual(expect.arrayContaining(['apis[0].slug', 'apis[0].routes[0].path', 'plans[0].rateLimit.requests', 'plans[0].rateLimit.per']));
  });

  it('rejects unknown fields instead of ignoring a typo', () => {
    const result = ZConfigFile.safeParse({ apis: [{ ...minimal.apis[0], basepath: '/x' }] });
    expect(result.success).toBe(false);
  });

  it('rejects duplicates and upstream URLs with credentials', () => {
    const result = ZConfigFile.safeParse({
      apis: [minimal.apis[0], { ...minimal.apis[0], upstream: { targets: [{ url: 'http://user:pw@10.0.0.1' }] } }],
    });
    const params = toInvalidParams(result.error!);
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['apis[1]', 'apis[1].upstream.targets[0].url']));
  });

  it('accepts a full key and rejects one with a bad checksum', () => {
    const { key } = generateApiKey();
    const team = (k: string) => ({ teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'a', name: 'A', keys: [{ key: k }] }] }] });
    expect(ZConfigFile.safeParse(team(key)).success).toBe(true);
    const broken = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(ZConfigFile.safeParse(team(broken)).success).toBe(false);
  });

  it('keys routes by sorted methods and path', () => {
    expect(routeKey({ methods: ['POST', 'GET'], path: '/x' })).toBe('GET,POST /x');
  });
});
