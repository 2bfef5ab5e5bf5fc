import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:cluster';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import { AggregatorRegistry } from 'prom-client';
import type { ConfigSource } from '../config/compiled-snapshot.types';
import { sendProblem } from '../pipeline/send-problem';

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
 * AggregatorRegistry, each series labelled with its `worker`).
 */
export function createClusterAdminServer({ workers, expected }: { workers: () => WorkerState[]; expected: number }): Server {
  const aggregator = new AggregatorRegistry();
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, new TollgateError('method_not_allowed', { headers: { allow: 'GET, HEAD' } }), randomUUID());
      return;
    }
    switch (path) {
      case '/healthz':
        return sendJson(res, 200, { status: 'ok', workers: workers().length });
      case '/readyz': {
        const list = workers();
        const loaded = list.filter((state) => state.config !== null);
        const body = list.map((state) => ({ id: state.id, pid: state.pid, ...(state.config ?? { revision: null, source: null, loadedAt: null }) }));
        if (loaded.length < expected) {
          sendProblem(res, new TollgateError('not_ready', { detail: `${loaded.length} of ${expected} workers have loaded a config.`, extensions: { workers: body } }), randomUUID());
          return;
        }
        const oldest = loaded.reduce((min, state) => (state.config!.revision < min.config!.revision ? state : min));
        return sendJson(res, 200, { status: 'ready', revision: oldest.config!.revision, source: oldest.config!.source, loadedAt: oldest.config!.loadedAt, workers: body });
      }
      case '/metrics':
        aggregator.clusterMetrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': aggregator.contentType, 'cache-control': 'no-store' });
            res.end(text);
          },
          (error: unknown) => sendProblem(res, error, randomUUID()),
        );
        return;
      default:
        sendProblem(res, new TollgateError('not_found', { detail: 'The admin port serves /healthz, /readyz and /metrics.' }), randomUUID());
    }
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}
