import { ZCreateTeamKeyRequest, type TCreatedTeamKey, type TCreateTeamKeyRequest } from '@tollgate/contracts';
import { isTollgateError, TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { createKey } from '../keys/create-key';
import { findTeamAppOrThrow } from './find-team-records';

/** The key's scopes in the stored format: none (every subscribed API), an API slug, or an `api:METHOD /path` route key. */
function scopesOf(input: TCreateTeamKeyRequest): string[] {
  if (input.scope === 'api') return [input.api];
  if (input.scope === 'route') return [input.route];
  return [];
}

/** A date alone means the end of that day (UTC): a key chosen to expire "on the 3rd" works through the 3rd. */
function expiryOf(value: string): string | undefined {
  if (!value) return undefined;
  return value.length === 10 ? `${value}T23:59:59.999Z` : value;
}

/** Issues a key for one of the caller's apps and answers its secret this once; only its hash is stored. */
export const createTeamKey = defineOperation({
  name: 'team_keys.create',
  role: 'developer',
  input: ZCreateTeamKeyRequest,
  audit: { resourceType: 'key' },
  async run(tx, input, ctx): Promise<TCreatedTeamKey> {
    await findTeamAppOrThrow(tx, ctx.principal, input.app);
    const request = { app: input.app, name: input.name, environment: input.environment, scopes: scopesOf(input), expiresAt: expiryOf(input.expiresAt) };
    const created = await createKey.run(tx, request, ctx).catch((error: unknown) => {
      // The admin write names the scope `scopes[0]`; the portal's form calls it by what was chosen.
      if (!isTollgateError(error) || !error.invalidParams?.some((param) => param.name === 'scopes[0]')) throw error;
      const field = input.scope === 'route' ? 'route' : 'api';
      throw new TollgateError('invalid_params', { detail: error.detail, invalidParams: error.invalidParams.map((param) => (param.name === 'scopes[0]' ? { ...param, name: field } : param)) });
    });
    return { ...created, rotatedFromId: null };
  },
});
