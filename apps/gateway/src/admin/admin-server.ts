import type { Server } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import type { ConfigStore } from '../config/config-store';
import { createAdminEndpointServer } from './admin-endpoints';
import type { GatewayMetrics } from './gateway-metrics';

/**
 * The gateway's own endpoints, on their own port: /healthz, /readyz, /metrics. /readyz
 * answers 503 from the moment the gateway starts shutting down (`stopping`), so a load
 * balancer stops sending before the data port closes.
 */
export function createAdminServer({ store, metrics, stopping }: { store: ConfigStore; metrics: GatewayMetrics; stopping: () => boolean }): Server {
  return createAdminEndpointServer({
    health: () => ({ status: 'ok' }),
    readiness: () => {
      if (stopping()) throw new TollgateError('not_ready', { detail: 'The gateway is shutting down.' });
      const current = store.current;
      if (current === null) throw new TollgateError('not_ready', { detail: 'No config snapshot is loaded yet.' });
      return { status: 'ready', revision: current.revision, source: current.source, loadedAt: current.loadedAt };
    },
    metrics: () => metrics.registry.metrics(),
    metricsContentType: metrics.registry.contentType,
  });
}
