import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createRequestHandler } from './create-request-handler';
import { createRoutes } from './create-routes';
import { createRouter } from './http/router';

export interface DemoUpstreamOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  logger?: Logger;
  /** The clock behind dates in responses. */
  now?: () => Date;
}

export interface DemoUpstream {
  /** Base URL, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const DRAIN_MS = 5_000;

/** Starts the demo API; rejects with the listen error (e.g. EADDRINUSE). */
export async function startDemoUpstream(options: DemoUpstreamOptions): Promise<DemoUpstream> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? pino({ level: 'silent' });
  const router = createRouter(createRoutes(options.now ?? (() => new Date())));
  const handle = createRequestHandler(router, logger);
  // While closing, every answer ends its keep-alive connection so close() need not wait
  // for idle clients to time out.
  let closingConnections = false;
  const active = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (closingConnections) res.setHeader('connection', 'close');
    active.add(res);
    res.once('close', () => active.delete(res));
    void handle(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () => {
      closingConnections = true;
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
