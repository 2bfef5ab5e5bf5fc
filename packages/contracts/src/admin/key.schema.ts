import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZPageQuery } from './page.schema';

export const ZKeyState = z.enum(['active', 'expired', 'revoked']);
export type TKeyState = z.infer<typeof ZKeyState>;

export const ZCreateKeyRequest = z.strictObject({
  app: ZSlug,
  name: z.string().trim().max(200).default(''),
  environment: z.enum(['live', 'test']).default('live'),
  /** Subscribed API slugs or routes (`weather:GET /forecast/{city}`); empty means every subscribed API. */
  scopes: z.array(z.string().min(1).max(300)).max(100).default([]),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type TCreateKeyRequest = z.infer<typeof ZCreateKeyRequest>;

export const ZListKeysQuery = ZPageQuery.extend({
  app: ZSlug.optional(),
  team: ZSlug.optional(),
  state: ZKeyState.optional(),
  /** Part of the prefix or name. */
  q: z.string().trim().min(1).max(200).optional(),
});

/** An id that is no key's (malformed ones included) is a 404. */
export const ZKeyIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** What may be shown about a key: never the secret nor its hash. */
export const ZKeyResource = z.object({
  id: z.string(),
  prefix: z.string(),
  name: z.string(),
  environment: z.enum(['live', 'test']),
  app: z.string(),
  team: z.string(),
  scopes: z.array(z.string()),
  state: ZKeyState,
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** The key's calls are left out of the analytics charts (still metered and billed). */
  excludedFromAnalytics: z.boolean(),
  createdAt: z.string(),
});
export type TKeyResource = z.infer<typeof ZKeyResource>;

export const ZUpdateKeyRequest = z.strictObject({
  /** Leave the key's calls out of the analytics charts (test or abusive traffic). */
  excludedFromAnalytics: z.boolean(),
});
export type TUpdateKeyRequest = z.infer<typeof ZUpdateKeyRequest>;

/** The answer to a create: the key itself, this once. */
export const ZCreatedKey = ZKeyResource.extend({ key: z.string() });
export type TCreatedKey = z.infer<typeof ZCreatedKey>;
