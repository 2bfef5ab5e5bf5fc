import { TollgateError } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import { subscriptionFor, type AuthenticateConfig } from './index';
import { jwtFailure } from './jwt-failure';

/**
 * JWT authentication: the token is verified against the API's issuers, its app claim
 * names a registered client (jwt_clients: issuer + subject -> app), and that app's
 * subscription gives the plan, as with keys.
 */
export async function authenticateJwt(ctx: GatewayContext, config: AuthenticateConfig, token: string): Promise<void> {
  if (config.jwt === null) throw jwtFailure('issuer', 'This API accepts no JWT issuer.');
  const verified = await config.jwt.verify(token);
  if (verified.appId === undefined) {
    throw new TollgateError('unknown_client', { detail: `The token's client is not registered for the "${config.apiSlug}" API.` });
  }
  const subscription = subscriptionFor(config, verified.appId);
  ctx.principal = { kind: 'jwt', key: null, issuer: verified.issuer, subject: verified.subject, app: subscription.app, subscription };
  ctx.plan = subscription.plan;
}
