import { hashApiKey, parseApiKey } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import { CHALLENGE } from './challenge';
import { extractApiKey } from './extract-api-key';
import { subscriptionFor, type AuthenticateConfig } from './index';

const MAX_KEY_LENGTH = 80;

/**
 * API-key authentication. The key's shape and checksum are checked first, so a typo
 * is a 401 malformed_api_key without a lookup. The lookup is by SHA-256 digest in a
 * Map: the secret is never compared byte by byte, and what timing a hash-table probe
 * could reveal is about the digest, which an attacker cannot steer toward a stored one.
 */
export function authenticateKey(ctx: GatewayContext, config: AuthenticateConfig): void {
  const candidate = extractApiKey(ctx.req.headers, config.allowQueryKey ? ctx.query : '');
  if (candidate === undefined || candidate === '') {
    const jwtToo = config.auth === 'key_or_jwt' ? ' or a JWT (Bearer)' : '';
    throw new TollgateError('missing_credentials', { detail: `Send an API key in the Authorization header (Bearer) or in X-Api-Key${jwtToo}.`, headers: CHALLENGE });
  }
  if (candidate.length > MAX_KEY_LENGTH || !candidate.startsWith('tg_') || !parseApiKey(candidate).ok) throw malformed();
  const key = ctx.snapshot.index.keys.get(hashApiKey(candidate));
  if (key === undefined) throw new TollgateError('invalid_api_key', { detail: 'No key matches.', headers: CHALLENGE });
  if (key.revoked) throw new TollgateError('revoked_api_key', { detail: 'This key has been revoked.', headers: CHALLENGE });
  if (key.expiresAtMs <= Date.now()) throw new TollgateError('expired_api_key', { detail: 'This key has expired.', headers: CHALLENGE });
  const subscription = subscriptionFor(config, key.app.id);
  if (key.scopes !== null && !key.scopes.has(config.apiSlug) && !key.scopes.has(config.routeScope)) {
    throw new TollgateError('out_of_scope', { detail: `This key is not allowed to call this route of the "${config.apiSlug}" API.` });
  }
  ctx.principal = { kind: 'key', key, app: key.app, subscription };
  ctx.plan = subscription.plan;
}

function malformed(): TollgateError {
  return new TollgateError('malformed_api_key', {
    detail: 'The API key is not a Tollgate key (tg_live_… or tg_test_… with its checksum).',
    headers: CHALLENGE,
  });
}
