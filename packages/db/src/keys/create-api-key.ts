import { generateApiKey, type KeyEnvironment } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import { bumpConfigRevision } from '../config/bump-config-revision';

export interface CreateApiKeyInput {
  appSlug: string;
  name?: string;
  environment?: KeyEnvironment;
  /** Limit the key to these API slugs; each must have a subscription. */
  apiSlugs?: string[];
  expiresAt?: Date;
}

export interface CreatedApiKey {
  id: string;
  /** The full key: shown once, never stored. */
  key: string;
  prefix: string;
}

export async function createApiKey(db: Db, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new TollgateError('invalid_params', {
      detail: 'expiresAt must be in the future',
      invalidParams: [{ name: 'expiresAt', reason: 'must be in the future' }],
    });
  }
  const generated = generateApiKey(input.environment ?? 'live');
  const id = await db.$transaction(async (tx) => {
    const app = await tx.app.findUnique({ where: { slug: input.appSlug }, include: { subscriptions: { include: { api: true } } } });
    if (!app) throw new TollgateError('not_found', { detail: `no app with slug "${input.appSlug}"` });
    for (const apiSlug of input.apiSlugs ?? []) {
      if (!app.subscriptions.some((sub) => sub.api.slug === apiSlug)) {
        throw new TollgateError('invalid_params', {
          detail: `app "${app.slug}" has no subscription to api "${apiSlug}"`,
          invalidParams: [{ name: 'api', reason: `no subscription to "${apiSlug}"` }],
        });
      }
    }
    const key = await tx.apiKey.create({
      data: {
        appId: app.id,
        name: input.name ?? '',
        environment: generated.environment,
        prefix: generated.prefix,
        hash: generated.hash,
        scopes: input.apiSlugs ?? [],
        expiresAt: input.expiresAt ?? null,
      },
    });
    await bumpConfigRevision(tx, [{ action: 'create', kind: 'key', name: `${app.slug} ${generated.prefix}…`, id: key.id }]);
    return key.id;
  });
  return { id, key: generated.key, prefix: generated.prefix };
}
