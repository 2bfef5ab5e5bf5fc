import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { TollgateError } from '@tollgate/errors';
import { sendProblem } from '../pipeline/send-problem';

/** What an admin port answers; a readiness that is not there throws TollgateError('not_ready'). */
export interface AdminEndpoints {
  health(): unknown;
  readiness(): unknown;
  metrics(): Promise<string>;
  readonly metricsContentType: string;
}

/** The admin port's HTTP shape, shared by a single gateway and a cluster's primary. */
export function createAdminEndpointServer(endpoints: AdminEndpoints): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, new TollgateError('method_not_allowed', { headers: { allow: 'GET, HEAD' } }), randomUUID());
      return;
    }
    try {
      switch (path) {
        case '/healthz':
          return sendJson(res, 200, endpoints.health());
        case '/readyz':
          return sendJson(res, 200, endpoints.readiness());
        case '/metrics':
          endpoints.metrics().then(
            (text) => {
              res.writeHead(200, { 'content-type': endpoints.metricsContentType, 'cache-control': 'no-store' });
              res.end(text);
            },
            (error: unknown) => sendProblem(res, error, randomUUID()),
          );
          return;
        default:
          throw new TollgateError('not_found', { detail: 'The admin port serves /healthz, /readyz and /metrics.' });
      }
    } catch (error) {
      sendProblem(res, error, randomUUID());
    }
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}
