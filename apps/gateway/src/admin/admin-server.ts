import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import type { ConfigStore } from '../config/config-store';
import { sendProblem } from '../pipeline/send-problem';
import type { GatewayMetrics } from './gateway-metrics';

/** The gateway's own endpoints, on their own port: /healthz, /readyz, /metrics. */
export function createAdminServer({ store, metrics }: { store: ConfigStore; metrics: GatewayMetrics }): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, new TollgateError('method_not_allowed', { headers: { allow: 'GET, HEAD' } }), randomUUID());
      return;
    }
    switch (path) {
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        const current = store.current;
        if (current === null) {
          sendProblem(res, new TollgateError('not_ready', { detail: 'No config snapshot is loaded yet.' }), randomUUID());
          return;
        }
        return sendJson(res, 200, { status: 'ready', revision: current.revision, source: current.source, loadedAt: current.loadedAt });
      }
      case '/metrics':
        metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
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
