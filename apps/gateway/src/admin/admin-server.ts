import type { Server } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import type { ConfigStore } from '../config/config-store';
import { createAdminEndpointServer } from './admin-endpoints';
import type { GatewayMetrics } from './gateway-metrics';

/** The gateway's own endpoints, on their own port: /healthz, /readyz, /metrics. */
export function createAdminServer({ store, metrics }: { store: ConfigStore; metrics: GatewayMetrics }): Server {
  return createAdminEndpointServer({
    health: () => ({ status: 'ok' }),
    readiness: () => {
      const current = store.current;
      if (current === null) throw new TollgateError('not_ready', { detail: 'No config snapshot is loaded yet.' });
      return { status: 'ready', revision: current.revision, source: current.source, loadedAt: current.loadedAt };
    },
    metrics: () => metrics.registry.metrics(),
    metricsContentType: metrics.registry.contentType,
  });
}
