import type { Registry } from 'prom-client';
import type { GatewayEnv } from '../../env';
import { DiscoveryAggregator } from './discovery-aggregator';
import { createDiscoveryMetrics, type DiscoveryMetrics } from './discovery-metrics';

export function createDiscovery(env: GatewayEnv, registry: Registry): { aggregator: DiscoveryAggregator; metrics: DiscoveryMetrics } {
  const metrics = createDiscoveryMetrics(registry);
  return { aggregator: new DiscoveryAggregator(env.GATEWAY_DISCOVERY_MAX_TEMPLATES, metrics), metrics };
}
