import { TollgateError } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import type { GatewayServices } from '../../pipeline/types';
import { FailedAuthThrottle } from './failed-auth-throttle';

/**
 * Failures that count against an address: a credential was presented and refused
 * (a guess at a key, a forged or broken JWT). Missing credentials (nothing was looked
 * up), revoked and expired keys (once issued, the client should hear why) and 403s
 * (a valid credential) do not count.
 */
const COUNTED: ReadonlySet<string> = new Set(['invalid_api_key', 'malformed_api_key', 'invalid_token']);

/** One throttle per gateway process, kept across snapshot reloads; null when GATEWAY_AUTH_FAILURE_LIMIT is 0. */
const throttles = new WeakMap<GatewayServices, FailedAuthThrottle | null>();

export function failedAuthThrottle(services: GatewayServices): FailedAuthThrottle | null {
  let throttle = throttles.get(services);
  if (throttle === undefined) {
    const { GATEWAY_AUTH_FAILURE_LIMIT: limit, GATEWAY_AUTH_FAILURE_WINDOW_MS: windowMs, GATEWAY_AUTH_FAILURE_MAX_ADDRESSES: maxAddresses } = services.env;
    throttle = limit > 0 ? new FailedAuthThrottle({ limit, windowMs, maxAddresses, clock: services.clock }) : null;
    throttles.set(services, throttle);
  }
  return throttle;
}

/** Refuses the request before any lookup when its address is throttled. */
export function refuseIfThrottled(ctx: GatewayContext, throttle: FailedAuthThrottle): void {
  if (ctx.clientIp === '') return;
  const wait = throttle.retryAfterSeconds(ctx.clientIp);
  if (wait === 0) return;
  ctx.failedAuth = true;
  throw new TollgateError('too_many_failed_attempts', {
    detail: `Too many failed authentication attempts from this address; try again in ${wait} s.`,
    headers: { 'retry-after': String(wait) },
  });
}

/** Marks and counts a refused credential, then rethrows the error. */
export function failed(ctx: GatewayContext, throttle: FailedAuthThrottle | null, error: unknown): never {
  if (COUNTED.has((error as { code?: string } | null)?.code ?? '')) {
    ctx.failedAuth = true;
    if (throttle !== null && ctx.clientIp !== '') throttle.fail(ctx.clientIp);
  }
  throw error;
}
