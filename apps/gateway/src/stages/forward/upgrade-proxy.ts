import { request, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TollgateError } from '@tollgate/errors';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { GatewayContext, UpgradeRequest } from '../../pipeline/context';
import { forwardHeaders, responseHeaders } from './forward-headers';
import type { ForwardConfig } from './index';
import { circuitOpen, noHealthyTarget, withHost } from './send-upstream';
import { upstreamPath } from './upstream-path';

/**
 * Proxies a WebSocket upgrade: sends the GET with `Connection: Upgrade` and the
 * client's `Upgrade` to a target, answers the client's 101 with the upstream's
 * end-to-end headers (Sec-WebSocket-*), then pipes the two sockets both ways until
 * either side closes. An upstream that refuses the upgrade has its answer passed
 * through like any response. The connection counts as in flight on its target (for
 * least-connections) until it closes.
 */
export function proxyUpgrade(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, upgrade: UpgradeRequest): Promise<void> {
  const state = balancer.state;
  const now = Date.now();
  const admission = state.breaker.admit(now);
  if (admission === 'refuse') throw circuitOpen();
  const probe = admission === 'probe';
  const target = balancer.pick(now);
  if (target === undefined) {
    state.breaker.release(probe);
    throw noHealthyTarget();
  }
  const origin = new URL(target.origin);
  const headers = withHost(forwardHeaders(ctx, config.requestHeaders), target);
  headers.push('connection', 'Upgrade', 'upgrade', String(ctx.req.headers.upgrade));

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: 'success' | 'failure' | 'neutral') => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      if (outcome === 'success') {
        target.passed();
        state.breaker.success(probe);
      } else if (outcome === 'failure') {
        const at = Date.now();
        state.failed(target, at);
        state.breaker.failure(probe, at);
      } else {
        state.breaker.release(probe);
      }
      return true;
    };
    const upstream = request({
      host: origin.hostname,
      port: origin.port,
      method: 'GET',
      path: upstreamPath(ctx, config, target.prefix),
      headers: pairs(headers),
      agent: false,
    });
    const timer = setTimeout(() => {
      if (!settle('failure')) return;
      upstream.destroy();
      reject(new TollgateError('upstream_timeout', { detail: 'The upstream did not answer the upgrade in time.', internal: `${target.origin}: upgrade timed out` }));
    }, state.settings.timeouts.connectMs + config.headersTimeoutMs);
    const clientGone = () => {
      if (!settle('neutral')) return;
      ctx.clientAborted = true;
      upstream.destroy();
      resolve();
    };
    upgrade.socket.once('close', clientGone);

    upstream.on('error', (error) => {
      if (!settle('failure')) return;
      upgrade.socket.off('close', clientGone);
      reject(new TollgateError('upstream_failed', { detail: 'The upstream could not be reached.', internal: `${target.origin}: ${error.message}`, cause: error }));
    });
    upstream.on('response', (response) => {
      // The upstream answered without switching protocols: pass its answer through.
      settle(response.statusCode !== undefined && response.statusCode >= 502 && response.statusCode <= 504 ? 'failure' : 'success');
      upgrade.socket.off('close', clientGone);
      ctx.res.writeHead(response.statusCode ?? 502, responseHeaders(response.headers, ctx.requestId));
      response.pipe(ctx.res);
      response.once('end', () => resolve());
      response.once('error', () => {
        ctx.res.destroy();
        resolve();
      });
    });
    upstream.on('upgrade', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      upgrade.socket.off('close', clientGone);
      if (!settle('success')) return void socket.destroy();
      switchProtocols(ctx, response, socket, head, upgrade);
      target.inFlight++;
      socket.once('close', () => target.inFlight--);
      resolve();
    });
    upstream.end();
  });
}

function switchProtocols(ctx: GatewayContext, response: IncomingMessage, upstream: Socket, upstreamHead: Buffer, upgrade: UpgradeRequest): void {
  const client = upgrade.socket;
  const headers = responseHeaders(response.headers, ctx.requestId);
  headers.connection = 'Upgrade';
  headers.upgrade = String(response.headers.upgrade ?? ctx.req.headers.upgrade);
  ctx.res.sendDate = false;
  ctx.res.writeHead(101, headers);
  ctx.res.flushHeaders();
  ctx.res.detachSocket(client as Socket);
  if (upstreamHead.length > 0) client.write(upstreamHead);
  if (upgrade.head.length > 0) upstream.write(upgrade.head);
  upstream.setNoDelay(true);
  upstream.setTimeout(0);
  pipeBoth(client, upstream);
}

function pipeBoth(client: Duplex, upstream: Duplex): void {
  const closeBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', closeBoth);
  upstream.on('error', closeBoth);
  client.on('close', closeBoth);
  upstream.on('close', closeBoth);
  client.pipe(upstream);
  upstream.pipe(client);
}

/** The flat [name, value, ...] list as an object (repeated names become arrays). */
function pairs(flat: string[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i]!.toLowerCase();
    const existing = headers[name];
    headers[name] = existing === undefined ? flat[i + 1]! : ([] as string[]).concat(existing, flat[i + 1]!);
  }
  return headers;
}
