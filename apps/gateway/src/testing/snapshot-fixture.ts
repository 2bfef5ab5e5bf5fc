// Hand-built snapshots and services for unit tests of the compile step and the stages.
import { randomUUID } from 'node:crypto';
import { GATEWAY_SNAPSHOT_FORMAT, type GatewaySnapshot, type SnapshotApi, type SnapshotRoute } from '@tollgate/db';
import { pino } from 'pino';
import { LeaseLimiter } from '../adapters/rate-limit/lease-limiter';
import { MemoryCounterStore } from '../adapters/rate-limit/memory-counter-store';
import { UpstreamPools } from '../adapters/upstream/upstream-pools';
import { GatewayMetrics } from '../admin/gateway-metrics';
import { parseGatewayEnv } from '../env';
import type { GatewayServices } from '../pipeline/types';

export function testServices(): GatewayServices {
  return {
    env: parseGatewayEnv({ LOG_LEVEL: 'silent' }),
    log: pino({ level: 'silent' }),
    accessLog: null,
    metrics: new GatewayMetrics(),
    pools: new UpstreamPools({ connections: 4, connectTimeoutMs: 1_000 }),
    limiter: new LeaseLimiter({ store: new MemoryCounterStore(), clock: Date.now, prefix: 'test:', maxLease: 100, log: pino({ level: 'silent' }), metrics: null }),
    clock: Date.now,
  };
}

export function fixtureRoute(path: string, overrides: Partial<SnapshotRoute> = {}): SnapshotRoute {
  const methods = overrides.methods ?? ['GET'];
  return {
    id: randomUUID(),
    key: `${[...methods].sort().join(',')} ${path}`,
    path,
    methods,
    auth: 'key',
    weight: 1,
    allowQueryKey: false,
    stripBasePath: true,
    rewrite: null,
    policies: {},
    ...overrides,
  };
}

export function fixtureApi(slug: string, basePath: string, routes: SnapshotRoute[], targetUrl = 'http://127.0.0.1:9'): SnapshotApi {
  return {
    id: randomUUID(),
    slug,
    name: slug,
    basePath,
    hosts: [],
    status: 'published',
    policies: {},
    routes,
    upstream: { id: randomUUID(), loadBalancing: 'round_robin', settings: {}, targets: [{ id: randomUUID(), url: targetUrl, weight: 1 }] },
  };
}

export function fixtureSnapshot(apis: SnapshotApi[], rest: Partial<GatewaySnapshot> = {}): GatewaySnapshot {
  return {
    format: GATEWAY_SNAPSHOT_FORMAT,
    revision: 1,
    loadedAt: new Date().toISOString(),
    apis,
    plans: [],
    apps: [],
    subscriptions: [],
    keys: [],
    ...rest,
  };
}
