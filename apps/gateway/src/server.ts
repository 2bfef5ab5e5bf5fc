import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { buildProblem, TollgateError } from '@tollgate/errors';
import type { Logger } from 'pino';
import type { UsageSink } from './adapters/usage-sink/usage-sink';
import type { ConfigStore } from './config/config-store';
import { GatewayContext } from './pipeline/context';
import { runPipeline } from './pipeline/run';
import { sendProblem } from './pipeline/send-problem';
import { MeteredResponse } from './stages/record/metered-response';

/** The data-plane HTTP server: every request goes through the pipeline of the snapshot current when it arrived. */
export function createGatewayServer({ store, log, usage }: { store: ConfigStore; log: Logger; usage: UsageSink }): Server {
  const server = createServer({ keepAliveTimeout: 5_000, ServerResponse: MeteredResponse }, (req, res) => {
    const snapshot = store.current;
    if (snapshot === null) {
      sendProblem(res, new TollgateError('not_ready', { detail: 'The gateway has not loaded its config yet.' }), randomUUID());
      return;
    }
    const ctx = new GatewayContext(req, res, snapshot, log);
    res.meterWith(ctx, usage);
    void runPipeline(ctx);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  return server;
}

/** Requests Node cannot parse still get a problem+json answer, then the socket closes. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const problem = tooLarge
    ? buildProblem('headers_too_large', 'The request headers are too large.')
    : buildProblem('bad_request', 'The request could not be parsed as HTTP/1.1.');
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
