import { ZCreateKeyRequest, type TCreatedKey } from '@tollgate/contracts';
import { generateApiKey } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { findAppOrThrow } from '../apps/find-app-or-throw';
import { checkKeyScopes } from './check-key-scopes';
import { KEY_INCLUDE, toKeyResource } from './to-key-resource';

/** Issues a key for an app and answers it this once; only its SHA-256 and display prefix are stored. */
export const createKey = defineOperation({
  name: 'keys.create',
  role: 'admin',
  input: ZCreateKeyRequest,
  audit: { resourceType: 'key' },
  async run(tx, input, ctx): Promise<TCreatedKey> {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new TollgateError('invalid_params', { detail: 'expiresAt must be in the future.', invalidParams: [{ name: 'expiresAt', reason: 'must be in the future' }] });
    }
    const app = await findAppOrThrow(tx, input.app).catch(() => {
      throw new TollgateError('invalid_params', { detail: `No app with slug "${input.app}".`, invalidParams: [{ name: 'app', reason: `no app with slug "${input.app}"` }] });
    });
    const scopes = [...new Set(input.scopes)];
    await checkKeyScopes(tx, app.id, scopes);
    const generated = generateApiKey(input.environment);
    const row = await tx.apiKey.create({
      data: { appId: app.id, name: input.name, environment: generated.environment, prefix: generated.prefix, hash: generated.hash, scopes, expiresAt },
      include: KEY_INCLUDE,
    });
    const key = toKeyResource(row);
    ctx.configChanged('key', row.id, `${app.slug} ${generated.prefix}…`);
    ctx.audit({ resourceId: row.id, after: key });
    return { ...key, key: generated.key };
  },
});
