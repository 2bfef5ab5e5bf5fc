import { parseApiKey } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import { CHALLENGE } from './challenge';
import { extractApiKey } from './extract-api-key';
import { subscriptionFor, type AuthenticateConfig } from './index';

const MAX_KEY_LENGTH = 80;

/**
 * API-key authentication. Cheap shape checks first; then the in-memory lookup by the
 * key's SHA-256 (every stored key was validated when it was issued, so a hit is
 * well-formed); on a miss the checksum tells a typo (401 malformed_api_key) from an
 * unknown key (401 invalid_api_key), with no lookup anywhere else. The secret is never
 * compared byte by byte: the table compares digests, and a caller cannot steer a digest
 * toward a stored one, so timing reveals nothing about stored keys.
 */
export function authenticateKey(ctx: GatewayContext, config: AuthenticateConfig): void {
  const candidate = extractApiKey(ctx.req.headers, config.allowQueryKey ? ctx.query : '');
  if (candidate === undefined || candidate === '') {
    const jwtToo = config.auth === 'key_or_jwt' ? ' or a JWT (Bearer)' : '';
    throw new TollgateError('missing_credentials', { detail: `Send an API key in the Authorization header (Bearer) or in X-Api-Key${jwtToo}.`, headers: CHALLENGE });
  }
  if (candidate.length > MAX_KEY_LENGTH || !candidate.startsWith('tg_')) throw malformed();
  const key = ctx.snapshot.index.keys.find(candidate);
  if (key === undefined) {
    if (!parseApiKey(candidate).ok) throw malformed();
    throw new TollgateError('invalid_api_key', { detail: 'No key matches.', headers: CHALLENGE });
  }
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
