import { describe, expect, it } from 'vitest';
import { toInvalidParams } from '../invalid-params';
import { ZConfigFile } from './config-file.schema';
import { parseCallTemplate } from './route-backend.schema';

const withRoute = (route: Record<string, unknown>) => ({
  apis: [{ slug: 'shop', name: 'Shop', basePath: '/shop', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] }, routes: [route] }],
});

function problems(route: Record<string, unknown>): Record<string, string> {
  const result = ZConfigFile.safeParse(withRoute(route));
  if (result.success) return {};
  return Object.fromEntries(toInvalidParams(result.error).map((param) => [param.name, param.reason]));
}

describe('route backends in the config file', () => {
  it('accepts an aggregate with placeholders from the path, the query and the consumer', () => {
    const config = ZConfigFile.parse(
      withRoute({
        path: '/customers/{id}/overview',
        backend: {
          kind: 'aggregate',
          calls: [
            { name: 'profile', path: '/customers/{params.id}' },
            { name: 'orders', upstream: 'orders', path: '/orders', query: { customer: '{params.id}', limit: '{query.limit}', app: '{consumer.id}' }, timeoutMs: 300, optional: true },
          ],
        },
      }),
    );
    expect(config.apis[0]!.routes[0]!.backend).toMatchObject({ kind: 'aggregate', calls: [{ name: 'profile', optional: false, query: {} }, { name: 'orders', optional: true }] });
  });

  it('names the field of a placeholder the route does not have, a bad placeholder and a duplicate call', () => {
    expect(
      problems({
        path: '/customers/{id}',
        backend: {
          kind: 'aggregate',
          calls: [
            { name: 'a', path: '/x/{params.customer}' },
            { name: 'a', path: '/y/{header.x}' },
            { name: 'errors', path: '/z', query: { q: '{params.nope}' } },
          ],
        },
      }),
    ).toMatchObject({
      'apis[0].routes[0].backend.calls[0].path': expect.stringContaining('{params.customer} is not a parameter'),
      'apis[0].routes[0].backend.calls[1].path': expect.stringContaining('not a placeholder'),
      'apis[0].routes[0].backend.calls[1].name': expect.stringContaining('duplicate'),
      'apis[0].routes[0].backend.calls[2].name': expect.stringContaining('errors'),
      'apis[0].routes[0].backend.calls[2].query.q': expect.stringContaining('{params.nope}'),
    });
  });

  it('refuses a SOAP backend without its operation or namespace, and an unknown kind', () => {
    expect(problems({ path: '/forecast', methods: ['POST'], backend: { kind: 'soap', namespace: 'urn:weather' } })).toHaveProperty(['apis[0].routes[0].backend.operation']);
    expect(problems({ path: '/forecast', methods: ['POST'], backend: { kind: 'soap', operation: 'GetForecast' } })).toHaveProperty(['apis[0].routes[0].backend.namespace']);
    expect(problems({ path: '/forecast', backend: { kind: 'graphql' } })).toHaveProperty(['apis[0].routes[0].backend.kind']);
  });

  it('defaults a SOAP backend to version 1.1', () => {
    const config = ZConfigFile.parse(withRoute({ path: '/f', methods: ['POST'], backend: { kind: 'soap', operation: 'GetForecast', namespace: 'urn:weather' } }));
    expect(config.apis[0]!.routes[0]!.backend).toEqual({ kind: 'soap', version: '1.1', operation: 'GetForecast', namespace: 'urn:weather' });
  });
});

describe('parseCallTemplate', () => {
  it('splits literal text from placeholders', () => {
    expect(parseCallTemplate('/c/{params.id}/o?{query.q}-{consumer.id}')).toEqual(['/c/', { from: 'params', name: 'id' }, '/o?', { from: 'query', name: 'q' }, '-', { from: 'consumer' }]);
  });

  it('says what is wrong with an unknown placeholder or a stray brace', () => {
    expect(parseCallTemplate('/{id}')).toMatch(/not a placeholder/);
    expect(parseCallTemplate('/x}')).toMatch(/unmatched brace/);
  });
});
