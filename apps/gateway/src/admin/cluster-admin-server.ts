import type { Worker } from 'node:cluster';
import type { Server } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import { AggregatorRegistry } from 'prom-client';
import type { ConfigSource } from '../config/compiled-snapshot.types';
import { createAdminEndpointServer } from './admin-endpoints';

export interface WorkerState {
  readonly id: number;
  readonly pid: number;
  readonly worker: Worker;
  config: { revision: number; source: ConfigSource; loadedAt: string } | null;
}

/**
 * The admin port of a cluster, served by the primary: /healthz (the primary is up),
 * /readyz (every worker has loaded a config; the body lists each worker's revision and
 * reports the lowest), /metrics (every worker's registry through prom-client's
 * AggregatorRegistry, each series labelled with its `worker`). /readyz answers 503 from
 * the moment the primary starts stopping its workers.
 */
export function createClusterAdminServer({ workers, expected, stopping }: { workers: () => WorkerState[]; expected: number; stopping: () => boolean }): Server {
  const aggregator = new AggregatorRegistry();
  return createAdminEndpointServer({
    health: () => ({ status: 'ok', workers: workers().length }),
    readiness: () => {
      if (stopping()) throw new TollgateError('not_ready', { detail: 'The gateway is shutting down.' });
      const list = workers();
      const loaded = list.filter((state) => state.config !== null);
      const body = list.map((state) => ({ id: state.id, pid: state.pid, ...(state.config ?? { revision: null, source: null, loadedAt: null }) }));
      if (loaded.length < expected) {
        throw new TollgateError('not_ready', { detail: `${loaded.length} of ${expected} workers have loaded a config.`, extensions: { workers: body } });
      }
      const oldest = loaded.reduce((min, state) => (state.config!.revision < min.config!.revision ? state : min));
      return { status: 'ready', revision: oldest.config!.revision, source: oldest.config!.source, loadedAt: oldest.config!.loadedAt, workers: body };
    },
    metrics: () => aggregator.clusterMetrics(),
    metricsContentType: aggregator.contentType,
  });
}
