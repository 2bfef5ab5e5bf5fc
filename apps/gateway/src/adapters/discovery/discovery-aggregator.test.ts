import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DiscoveryAggregator } from './discovery-aggregator';
import { createDiscoveryMetrics } from './discovery-metrics';

const seen = (template: string, path = template, extra: Partial<Parameters<DiscoveryAggregator['add']>[0]> = {}) => ({
  host: 'api.example.com',
  method: 'GET',
  template,
  path,
  status: 200,
  consumer: '10.0.0.1',
  credentials: false,
  nowMs: 1_000,
  ...extra,
});

describe('DiscoveryAggregator', () => {
  it('counts per template: hits, statuses, consumers, credentials, first and last seen, a few samples', () => {
    const aggregator = new DiscoveryAggregator(10, createDiscoveryMetrics(new Registry()));
    aggregator.add(seen('/users/{id}', '/users/1'));
    aggregator.add(seen('/users/{id}', '/users/2', { status: 404, consumer: 'acme-app', credentials: true, nowMs: 5_000 }));
    const [observation] = aggregator.drain();
    expect(observation).toMatchObject({
      template: '/users/{id}',
      hits: 2,
      statuses: { 200: 1, 404: 1 },
      consumers: ['10.0.0.1', 'acme-app'],
      credentialsSeen: true,
      unauthenticatedHits: 1,
      firstSeenAt: new Date(1_000),
      lastSeenAt: new Date(5_000),
      samples: { '/users/1': 1, '/users/2': 1 },
    });
    expect(aggregator.drain()).toEqual([]);
  });

  it('holds at most the cap of templates and counts the rest as overflow (a prom-client metric)', async () => {
    const registry = new Registry();
    const aggregator = new DiscoveryAggregator(100, createDiscoveryMetrics(registry));
    for (let i = 0; i < 1_000; i++) aggregator.add(seen(`/random-${i}`));
    aggregator.add(seen('/random-5'));
    expect(aggregator.size).toBe(100);
    const metrics = await registry.metrics();
    expect(metrics).toContain('tollgate_gateway_discovery_overflow_total 900');
    expect(metrics).toContain('tollgate_gateway_discovery_templates 100');
    expect(aggregator.drain().find((observation) => observation.template === '/random-5')!.hits).toBe(2);
  });
});
