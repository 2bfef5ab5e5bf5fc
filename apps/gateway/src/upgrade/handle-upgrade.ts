import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TollgateError } from '@tollgate/errors';
import type { Logger } from 'pino';
import type { UsageSink } from '../adapters/usage-sink/usage-sink';
import type { ConfigStore } from '../config/config-store';
import { GatewayContext } from '../pipeline/context';
import { runPipeline } from '../pipeline/run';
import { sendProblem } from '../pipeline/send-problem';
import { MeteredResponse } from '../stages/record/metered-response';

export interface UpgradeServices {
  readonly store: ConfigStore;
  readonly log: Logger;
  readonly usage?: UsageSink | undefined;
}

/**
 * Requests that ask to switch protocols. Node hands them over with the raw socket; a
 * ServerResponse is put on that socket so the pipeline (receive, route, authenticate,
 * limits) runs as for any request and answers errors the same way. A WebSocket upgrade
 * is then proxied by the forward stage. Any other protocol (such as `h2c`) is ignored,
 * as RFC 9110 allows: a request without a body is served as plain HTTP/1.1; one with a
 * body is refused, since Node stops parsing at an upgrade. The connection closes after
 * any answer that is not a switch.
 */
export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, { store, log, usage }: UpgradeServices): void {
  socket.on('error', () => socket.destroy());
  const res = new MeteredResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket as Socket);
  res.once('finish', () => {
    res.detachSocket(socket as Socket);
    socket.end();
  });
  const snapshot = store.current;
  if (snapshot === null) {
    sendProblem(res, new TollgateError('not_ready', { detail: 'The gateway has not loaded its config yet.' }), randomUUID());
    return;
  }
  const websocket = String(req.headers.upgrade).toLowerCase() === 'websocket';
  const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
  if (!websocket && hasBody) {
    sendProblem(res, new TollgateError('bad_request', { detail: 'Only WebSocket upgrades are supported; send this request without Upgrade.' }), randomUUID());
    return;
  }
  const ctx = new GatewayContext(req, res, snapshot, log);
  if (websocket) ctx.upgrade = { socket, head };
  if (usage !== undefined) res.meterWith(ctx, usage);
  runPipeline(ctx);
}
