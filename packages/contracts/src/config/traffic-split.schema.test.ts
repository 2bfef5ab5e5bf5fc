import { describe, expect, it } from 'vitest';
import { ZUpdateUpstreamRequest } from '../admin/upstream.schema';
import { toInvalidParams } from '../invalid-params';
import { ZConfigFile } from './config-file.schema';

const api = (upstream: object, routes: object[] = [{ path: '/x' }]) => ({
  apis: [{ slug: 'shop', name: 'Shop', basePath: '/shop', upstream, routes }],
});
const targets = [
  { url: 'http://10.0.0.1', version: 'stable' },
  { url: 'http://10.0.0.2', version: 'canary' },
];
const problems = (input: unknown) => {
  const result = ZConfigFile.safeParse(input);
  return result.success ? [] : toInvalidParams(result.error).map((param) => `${param.name}: ${param.reason}`);
};

describe('traffic split', () => {
  it('accepts versions with weights, rules and stickiness', () => {
    const config = ZConfigFile.parse(
      api({
        targets,
        split: {
          weights: { stable: 95, canary: 5 },
          rules: [{ header: 'X-Canary', value: '1', version: 'canary' }, { cookie: 'release' }, { plans: ['partner'], version: 'canary' }],
          stickyCookie: 'visitor',
        },
      }),
    );
    expect(config.apis[0]!.upstream.split).toMatchObject({ sticky: 'consumer', weights: { stable: 95, canary: 5 } });
  });

  it('refuses weights that do not sum to 100, naming the field', () => {
    expect(problems(api({ targets, split: { weights: { stable: 90, canary: 5 } } }))).toEqual(['apis[0].upstream.split.weights: must sum to 100 (they sum to 95)']);
  });

  it('refuses a version no target has, in the weights, a rule or a route split', () => {
    const found = problems(
      api({ targets, split: { weights: { stable: 50, beta: 50 }, rules: [{ header: 'X-V', value: 'b', version: 'gamma' }] } }, [
        { path: '/x', split: { weights: { delta: 100 } } },
      ]),
    );
    expect(found).toEqual([
      'apis[0].upstream.split.weights.beta: unknown version "beta": no target names it',
      'apis[0].upstream.split.rules[0].version: unknown version "gamma": no target names it',
      'apis[0].routes[0].split.weights.delta: unknown version "delta": no target names it',
    ]);
  });

  it('refuses a target without a version beside a split, and rules that are ambiguous', () => {
    const found = problems(api({ targets: [...targets, { url: 'http://10.0.0.3' }], split: { weights: { stable: 100 }, rules: [{ header: 'a', cookie: 'b' }, { plans: ['p'] }] } }));
    expect(found).toEqual(
      expect.arrayContaining([
        'apis[0].upstream.targets[2].version: is required when the upstream splits traffic',
        'apis[0].upstream.split.rules[0]: give exactly one of header, cookie or plans',
        'apis[0].upstream.split.rules[1].version: is required with plans or value',
      ]),
    );
  });

  it('checks the admin API update the same way', () => {
    const result = ZUpdateUpstreamRequest.safeParse({ targets, loadBalancing: 'round-robin', split: { weights: { stable: 60, canary: 60 } } });
    expect(toInvalidParams(result.error!).map((param) => param.name)).toEqual(['split.weights']);
    expect(ZUpdateUpstreamRequest.safeParse({ targets, split: { weights: { stable: 95, nope: 5 } } }).error?.issues[0]?.path).toEqual(['split', 'weights', 'nope']);
  });
});
