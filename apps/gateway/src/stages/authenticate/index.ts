import { TollgateError } from '@tollgate/errors';
import type { CompiledSubscription, RouteAuth } from '../../config/compiled-snapshot.types';
import type { GatewayContext } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';
import { authenticateJwt } from './authenticate-jwt';
import { authenticateKey } from './authenticate-key';
import { CHALLENGE } from './challenge';
import { bearerToken } from './extract-api-key';
import type { FailedAuthThrottle } from './failed-auth-throttle';
import { failed, failedAuthThrottle, refuseIfThrottled } from './failed-auth';
import { JwtVerifier } from './jwt-verifier';

export interface AuthenticateConfig {
  readonly auth: Exclude<RouteAuth, 'none'>;
  readonly allowQueryKey: boolean;
  readonly apiSlug: string;
  /** The scope entry that names this route: `api:METHODS /path`. */
  readonly routeScope: string;
  /** appId -> active subscription to this route's API. */
  readonly subscriptions: ReadonlyMap<string, CompiledSubscription>;
  /** appId -> status of a subscription to this API that is not active. */
  readonly inactive: ReadonlyMap<string, 'pending' | 'suspended' | 'cancelled'>;
  /** The API's JWT issuers; null on key routes and when none is usable. */
  readonly jwt: JwtVerifier | null;
  /** Failed authentications per client address (this process); null when turned off. */
  readonly throttle: FailedAuthThrottle | null;
}

const NO_SUBSCRIPTIONS: ReadonlyMap<string, CompiledSubscription> = new Map();
const NO_INACTIVE: ReadonlyMap<string, 'pending' | 'suspended' | 'cancelled'> = new Map();
/** One verifier per API and snapshot, shared by that API's routes. */
const verifiers = new WeakMap<object, JwtVerifier | null>();

/**
 * Authentication, resolved from memory: API key -> app, or JWT (issuer + app claim) ->
 * app; then app -> subscription to the route's API -> plan. `key` routes take keys,
 * `jwt` routes only JWTs, `key_or_jwt` either: a Bearer value that starts with `tg_` is
 * a key, anything else a JWT. An address with too many refused credentials in a window
 * is answered 429 before any lookup until its window ends (failed-auth.ts).
 */
export const authenticate: Stage<AuthenticateConfig> = {
  name: 'authenticate',
  phase: 'authenticate',
  priority: 0,
  configure({ route, index, services, warn }) {
    if (route === null || route.auth === 'none') return undefined;
    let jwt: JwtVerifier | null = null;
    if (route.auth !== 'key') {
      const sources = index.jwtIssuers.get(route.api.id);
      if (sources === undefined) {
        warn(`api ${route.api.slug} route ${route.key}: auth ${route.auth} but the API has no JWT issuer; JWTs are refused`);
      } else {
        if (!verifiers.has(sources)) verifiers.set(sources, JwtVerifier.compile(route.api.slug, sources, services, warn));
        jwt = verifiers.get(sources) ?? null;
      }
    }
    return {
      auth: route.auth,
      allowQueryKey: route.allowQueryKey,
      apiSlug: route.api.slug,
      routeScope: `${route.api.slug}:${route.key}`,
      subscriptions: index.subscriptions.get(route.api.id) ?? NO_SUBSCRIPTIONS,
      inactive: index.inactiveSubscriptions.get(route.api.id) ?? NO_INACTIVE,
      jwt,
      throttle: failedAuthThrottle(services),
    };
  },
  run(ctx, config) {
    const throttle = config.throttle;
    if (throttle !== null) refuseIfThrottled(ctx, throttle);
    try {
      const pending = authenticateWith(ctx, config);
      return pending === undefined ? undefined : pending.catch((error: unknown) => failed(ctx, throttle, error));
    } catch (error) {
      return failed(ctx, throttle, error);
    }
  },
};

function authenticateWith(ctx: GatewayContext, config: AuthenticateConfig): Promise<void> | undefined {
  if (config.auth !== 'key') {
    const bearer = bearerToken(ctx.req.headers);
    if (bearer !== undefined && !bearer.startsWith('tg_')) return authenticateJwt(ctx, config, bearer);
    if (config.auth === 'jwt') return refuseNonJwt(bearer);
  }
  authenticateKey(ctx, config);
  return undefined;
}

function refuseNonJwt(bearer: string | undefined): never {
  if (bearer === undefined) {
    throw new TollgateError('missing_credentials', { detail: 'Send a JWT in the Authorization header (Bearer).', headers: CHALLENGE });
  }
  throw new TollgateError('invalid_token', { detail: 'This route accepts only JWTs, not API keys.', extensions: { reason: 'malformed' }, headers: CHALLENGE });
}

/** The app's active subscription to the route's API, or the 403 that says why not. */
export function subscriptionFor(config: AuthenticateConfig, appId: string): CompiledSubscription {
  const subscription = config.subscriptions.get(appId);
  if (subscription !== undefined) return subscription;
  const status = config.inactive.get(appId);
  if (status === 'suspended' || status === 'cancelled') {
    throw new TollgateError('subscription_suspended', { detail: `The app's subscription to the "${config.apiSlug}" API is ${status}.`, extensions: { subscriptionStatus: status } });
  }
  if (status === 'pending') {
    throw new TollgateError('no_subscription', { detail: `The app's subscription to the "${config.apiSlug}" API is awaiting approval.`, extensions: { subscriptionStatus: status } });
  }
  throw new TollgateError('no_subscription', { detail: `The app has no active subscription to the "${config.apiSlug}" API.` });
}

export type { GatewayContext };
