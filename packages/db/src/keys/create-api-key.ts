import { generateApiKey, type KeyEnvironment } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import type { Db } from '../client/create-db';
import type { Prisma } from '../generated/prisma/client';
import { bumpConfigRevision } from '../config/bump-config-revision';

export interface CreateApiKeyInput {
  appSlug: string;
  name?: string;
  environment?: KeyEnvironment;
  /** Limit the key to these API slugs; each must have a subscription. */
  apiSlugs?: string[];
  /** Further scopes: API slugs or routes as `api-slug:METHODS /path` (the route's key). */
  scopes?: string[];
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
    for (const scope of input.scopes ?? []) await checkScope(tx, app.slug, app.subscriptions, scope);
    const key = await tx.apiKey.create({
      data: {
        appId: app.id,
        name: input.name ?? '',
        environment: generated.environment,
        prefix: generated.prefix,
        hash: generated.hash,
        scopes: [...new Set([...(input.apiSlugs ?? []), ...(input.scopes ?? [])])],
        expiresAt: input.expiresAt ?? null,
      },
    });
    await bumpConfigRevision(tx, [{ action: 'create', kind: 'key', name: `${app.slug} ${generated.prefix}…`, id: key.id }]);
    return key.id;
  });
  return { id, key: generated.key, prefix: generated.prefix };
}

/** A scope names a subscribed API (`weather`) or one of its routes (`weather:GET /forecast/{city}`). */
async function checkScope(
  tx: Prisma.TransactionClient,
  appSlug: string,
  subscriptions: { apiId: string; api: { slug: string } }[],
  scope: string,
): Promise<void> {
  const colon = scope.indexOf(':');
  const apiSlug = colon === -1 ? scope : scope.slice(0, colon);
  const subscription = subscriptions.find((sub) => sub.api.slug === apiSlug);
  const fail = (reason: string) =>
    new TollgateError('invalid_params', { detail: `scope "${scope}": ${reason}`, invalidParams: [{ name: 'scope', reason }] });
  if (!subscription) throw fail(`app "${appSlug}" has no subscription to api "${apiSlug}"`);
  if (colon === -1) return;
  const route = await tx.route.findFirst({ where: { apiId: subscription.apiId, key: scope.slice(colon + 1) }, select: { id: true } });
  if (!route) throw fail(`api "${apiSlug}" has no route "${scope.slice(colon + 1)}" (write it as "METHODS /path", e.g. "GET /forecast/{city}")`);
}
