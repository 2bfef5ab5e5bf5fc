// The portal's HTTP server: Next.js's request handler behind a plain Node server that owns
// what `next start` has no setting for. Each limit lives here, in front of every route, page,
// server action and next-auth endpoint, rather than in each handler:
// - body size: a Content-Length over the cap is answered 413 before anything reads the body;
//   a chunked body is counted as it is parsed and cut off at the cap (BodyCappedRequest).
//   proxy.ts cannot do this: Next.js clones the body for it (buffering up to
//   proxyClientMaxBodySize and then passing a truncated copy along, not refusing), and
//   serverActions.bodySizeLimit covers server actions only. Log uploads get 1 GiB (streamed
//   to disk by their handler).
// - header and request timeouts (slow-header clients), as the gateway has them;
// - security headers on every response, the server's own refusals included;
// - the client address (socket peer, or X-Forwarded-For from trusted proxies only),
//   handed to the app in a header it can trust;
// - a 503 at once while the database does not answer its probe (DatabaseWatch), rather
//   than pages waiting on a lock or a dead server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { DatabaseWatch } from '@tollgate/db/client';
import { DISCOVERY_IMPORT_MAX_BYTES } from '@tollgate/contracts';
import type { PortalEnv } from '../src/env';
import { AUTH_BODY_LIMIT_BYTES } from '../src/lib/auth/read-auth-form';
import { CLIENT_ADDRESS_HEADER, clientAddressHeaderValue } from '../src/lib/security/client-address-header';
import { createClientAddressResolver } from '../src/lib/security/client-address';
import { securityHeaders } from '../src/lib/security/security-headers';
import { BodyCappedRequest } from './body-capped-request';
import { sendProblem } from './send-problem';
import { needsDatabase, sendUnavailable } from './send-unavailable';

/** Where an access log or HAR file is uploaded: the admin API and the console. */
const UPLOAD_PATHS = ['/api/admin/v1/discovery/imports', '/admin/discovery/imports'];

function bodyLimit(url: string | undefined, env: PortalEnv): number {
  if (url?.startsWith('/api/auth/')) return Math.min(AUTH_BODY_LIMIT_BYTES, env.PORTAL_MAX_BODY_BYTES);
  const path = url?.split('?')[0];
  return UPLOAD_PATHS.some((upload) => path === upload) ? Math.max(DISCOVERY_IMPORT_MAX_BYTES, env.PORTAL_MAX_BODY_BYTES) : env.PORTAL_MAX_BODY_BYTES;
}

/** How long a refused upload's connection stays half-open so the client can read the 413. */
const LINGER_MS = 2_000;

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const socket = req.socket;
  if (res.headersSent) return void socket.destroy();
  // The rest of the body is never read (the request stays paused). Closing at once would
  // reset the connection under a client that is still sending, often before it reads the
  // answer; so Node's close after `Connection: close` only half-closes, and the socket is
  // destroyed a moment later.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  sendProblem(res, 'payload_too_large', `The request body is larger than ${limit} bytes.`, { connection: 'close' });
}

export function serverTimeouts(env: PortalEnv) {
  const headersTimeout = Math.min(env.PORTAL_HEADERS_TIMEOUT_MS, env.PORTAL_REQUEST_TIMEOUT_MS);
  return {
    headersTimeout,
    requestTimeout: env.PORTAL_REQUEST_TIMEOUT_MS,
    // How often Node looks for connections past these timeouts (its default is 30 s).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
  };
}

/** Prepares the built app in `dir` and returns the server, not yet listening; closing it stops the database watch. */
export async function createPortalServer(env: PortalEnv, dir: string): Promise<Server> {
  const database = new DatabaseWatch({
    databaseUrl: env.DATABASE_URL,
    timeoutMs: env.PORTAL_DATABASE_TIMEOUT_MS,
    onChange: (available, reason) =>
      available ? console.log('portal: the database answers again') : console.error(`portal: the database does not answer (${reason}); answering 503`),
  });
  const clientAddress = createClientAddressResolver(env.PORTAL_TRUSTED_PROXIES);
  const app = next({ dev: false, dir, hostname: env.PORTAL_HOST, port: env.PORTAL_PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const headers = Object.entries(securityHeaders(env.SECURE_COOKIES));

  const server = createServer({ ...serverTimeouts(env), IncomingMessage: BodyCappedRequest }, (incoming, res) => {
    const req = incoming as BodyCappedRequest;
    for (const [name, value] of headers) res.setHeader(name, value);
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressHeaderValue(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']));

    req.limit = bodyLimit(req.url, env);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > req.limit) return refuseTooLarge(req, res, req.limit);
    req.onOverLimit = () => refuseTooLarge(req, res, req.limit);
    if (!database.available && needsDatabase(req.url)) return sendUnavailable(req, res);

    handle(req, res).catch((error: unknown) => {
      console.error('portal: request failed', error);
      if (!res.headersSent) sendProblem(res, 'internal_error', 'The portal could not answer this request.');
      else res.destroy();
    });
  });
  database.start();
  server.once('close', () => void database.stop());
  return server;
}
