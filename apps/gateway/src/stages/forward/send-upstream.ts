import { setTimeout as sleep } from 'node:timers/promises';
import { TollgateError } from '@tollgate/errors';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { UpstreamTarget } from '../../adapters/upstream/upstream-target';
import type { GatewayContext } from '../../pipeline/context';
import { forwardHeaders } from './forward-headers';
import type { ForwardConfig } from './index';
import { ProxyHandler, type AttemptFailure } from './proxy-handler';
import type { RequestBody } from './request-body';
import { upstreamPath } from './upstream-path';

export function circuitOpen(): TollgateError {
  return new TollgateError('circuit_open', { detail: 'The upstream is failing; requests are paused for a moment.', headers: { 'retry-after': '1' } });
}

export function noHealthyTarget(): TollgateError {
  return new TollgateError('no_healthy_target', { detail: 'No upstream target is available to take the request.' });
}

/**
 * Sends the request to a target picked by the balancer, behind the upstream's breaker.
 * A failure before anything reached the client is retried on another target, with
 * exponential backoff, when the request is idempotent and its body can be sent again.
 */
export async function sendUpstream(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, body: RequestBody, idempotent: boolean): Promise<void> {
  const breaker = balancer.state.breaker;
  const attempts = idempotent && body.replayable ? config.retries + 1 : 1;
  let tried: UpstreamTarget[] | undefined;
  for (let attempt = 1; ; attempt++) {
    const now = Date.now();
    const admission = breaker.admit(now);
    if (admission === 'refuse') throw circuitOpen();
    const target = balancer.pick(now, tried);
    if (target === undefined) {
      breaker.release(admission === 'probe');
      throw noHealthyTarget();
    }
    const failure = await attemptOnce(ctx, config, balancer, target, body, admission === 'probe');
    if (failure === null) return;
    if (!failure.retryable || attempt >= attempts || ctx.res.destroyed) throw failure.error;
    (tried ??= []).push(target);
    ctx.log.debug({ attempt, target: target.origin, code: failure.error.code }, 'retrying on another target');
    await sleep(config.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }
}

function attemptOnce(ctx: GatewayContext, config: ForwardConfig, balancer: UpstreamBalancer, target: UpstreamTarget, body: RequestBody, probe: boolean): Promise<AttemptFailure | null> {
  return new Promise((resolve) => {
    target.pool.dispatch(
      {
        method: ctx.req.method as 'GET',
        path: upstreamPath(ctx, config, target.prefix),
        headers: forwardHeaders(ctx),
        body: body.body,
        headersTimeout: config.headersTimeoutMs,
        bodyTimeout: config.bodyTimeoutMs,
      },
      new ProxyHandler(ctx, balancer.state, target, probe, resolve),
    );
  });
}
