import { parseApiKey, hashApiKey } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { CompiledSubscription, RouteAuth } from '../../config/compiled-snapshot.types';
import type { Stage } from '../../pipeline/types';
import { extractApiKey } from './extract-api-key';

export interface AuthenticateConfig {
  readonly auth: Exclude<RouteAuth, 'none'>;
  readonly allowQueryKey: boolean;
  readonly apiSlug: string;
  /** The scope entry that names this route: `api:METHODS /path`. */
  readonly routeScope: string;
  /** appId -> active subscription to this route's API. */
  readonly subscriptions: ReadonlyMap<string, CompiledSubscription>;
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="tollgate"' };
const MAX_KEY_LENGTH = 80;
const NO_SUBSCRIPTIONS: ReadonlyMap<string, CompiledSubscription> = new Map();

/**
 * API-key authentication, resolved entirely from memory: key -> app -> subscription ->
 * plan. A key that is not in the snapshot is then checked for shape and checksum, so a
 * typo is told apart from an unknown key without a lookup anywhere else.
 */
export const authenticate: Stage<AuthenticateConfig> = {
  name: 'authenticate',
  phase: 'authenticate',
  priority: 0,
  configure({ route, index }) {
    if (route === null || route.auth === 'none') return undefined;
    return {
      auth: route.auth,
      allowQueryKey: route.allowQueryKey,
      apiSlug: route.api.slug,
      routeScope: `${route.api.slug}:${route.key}`,
      subscriptions: index.subscriptions.get(route.api.id) ?? NO_SUBSCRIPTIONS,
    };
  },
  run(ctx, config) {
    if (config.auth === 'jwt') {
      throw new TollgateError('invalid_token', { detail: 'This route requires a JWT; JWT authentication is not enabled on this gateway.', headers: CHALLENGE });
    }
    const candidate = extractApiKey(ctx.req.headers, config.allowQueryKey ? ctx.query : '');
    if (candidate === undefined || candidate === '') {
      throw new TollgateError('missing_credentials', { detail: 'Send an API key in the Authorization header (Bearer) or in X-Api-Key.', headers: CHALLENGE });
    }
    if (candidate.length > MAX_KEY_LENGTH || !candidate.startsWith('tg_')) throw malformed();
    const key = ctx.snapshot.index.keys.get(hashApiKey(candidate));
    if (key === undefined) {
      if (!parseApiKey(candidate).ok) throw malformed();
      throw new TollgateError('invalid_api_key', { detail: 'No active key matches.', headers: CHALLENGE });
    }
    if (key.expiresAtMs <= Date.now()) throw new TollgateError('expired_api_key', { detail: 'This key has expired.', headers: CHALLENGE });
    const subscription = config.subscriptions.get(key.app.id);
    if (subscription === undefined) {
      throw new TollgateError('no_subscription', { detail: `The app has no active subscription to the "${config.apiSlug}" API.` });
    }
    if (key.scopes !== null && !key.scopes.has(config.apiSlug) && !key.scopes.has(config.routeScope)) {
      throw new TollgateError('out_of_scope', { detail: `This key is not allowed to call the "${config.apiSlug}" API.` });
    }
    ctx.principal = { kind: 'key', key, app: key.app, subscription };
    ctx.plan = subscription.plan;
  },
};

function malformed(): TollgateError {
  return new TollgateError('malformed_api_key', {
    detail: 'The API key is not a Tollgate key (tg_live_… or tg_test_… with its checksum).',
    headers: CHALLENGE,
  });
}
