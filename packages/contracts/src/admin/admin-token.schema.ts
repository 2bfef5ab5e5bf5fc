import { z } from 'zod';

export const ZAdminRole = z.enum(['owner', 'admin', 'viewer']);
export type TAdminRole = z.infer<typeof ZAdminRole>;

export const ZCreateAdminTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** A token never gets more than its creator holds. */
  role: ZAdminRole.default('viewer'),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type TCreateAdminTokenRequest = z.infer<typeof ZCreateAdminTokenRequest>;

export const ZAdminTokenIdParams = z.strictObject({ id: z.uuid() });

/** An admin token as the API shows it: never the secret, never its hash. */
export const ZAdminToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: ZAdminRole,
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TAdminToken = z.infer<typeof ZAdminToken>;

/** What creating a token answers, once: the token itself beside its record. */
export const ZCreatedAdminToken = ZAdminToken.extend({ token: z.string() });
export type TCreatedAdminToken = z.infer<typeof ZCreatedAdminToken>;
