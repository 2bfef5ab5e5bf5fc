import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TollgateError } from '@tollgate/errors';
import type { Logger } from 'pino';
import type { UsageSink } from './adapters/usage-sink/usage-sink';
import { answerClientError } from './answer-client-error';
import type { ConfigStore } from './config/config-store';
import type { GatewayEnv } from './env';
import { GatewayContext } from './pipeline/context';
import { runPipeline } from './pipeline/run';
import { sendProblem } from './pipeline/send-problem';
import { MeteredResponse } from './stages/record/metered-response';
import { handleUpgrade } from './upgrade/handle-upgrade';

/** The data-plane HTTP server: every request goes through the pipeline of the snapshot current when it arrived. */
export function createGatewayServer({ store, log, env, usage }: { store: ConfigStore; log: Logger; env: GatewayEnv; usage?: UsageSink }): Server {
  const onRequest = (req: IncomingMessage, res: MeteredResponse): void => {
    const snapshot = store.current;
    if (snapshot === null) {
      sendProblem(res, new TollgateError('not_ready', { detail: 'The gateway has not loaded its config yet.' }), randomUUID());
      return;
    }
    const ctx = new GatewayContext(req, res, snapshot, log);
    if (usage !== undefined) res.meterWith(ctx, usage);
    runPipeline(ctx);
  };
  const server = createServer({ ...serverOptions(env), ServerResponse: MeteredResponse }, onRequest);
  // `Expect: 100-continue` gets no automatic 100: the expect-continue stage sends it once routing, authentication and limits have passed.
  server.on('checkContinue', onRequest);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => handleUpgrade(req, socket, head, { store, log, usage }));
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  return server;
}

/**
 * Limits on what a client may send before the pipeline sees it: header size (431),
 * time to send the headers (slowloris) and the whole request (408), idle keep-alive.
 * Missing Host is left to the receive stage, so it is answered as problem+json too.
 */
function serverOptions(env: GatewayEnv) {
  const headersTimeout = env.GATEWAY_HEADERS_TIMEOUT_MS;
  const requestTimeout = env.GATEWAY_REQUEST_TIMEOUT_MS;
  return {
    maxHeaderSize: env.GATEWAY_MAX_HEADER_BYTES,
    headersTimeout: requestTimeout > 0 ? Math.min(headersTimeout, requestTimeout) : headersTimeout,
    requestTimeout,
    keepAliveTimeout: env.GATEWAY_KEEP_ALIVE_TIMEOUT_MS,
    // How often Node looks for connections past these timeouts (its default is 30 s).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    requireHostHeader: false,
  };
}
