import { z } from 'zod';
import { ZUser } from '../config/config-file.schema';
import { ZAdminRole } from './admin-token.schema';
import { ZPageQuery } from './page.schema';

export const ZCreateAdminUserRequest = z.strictObject({
  email: ZUser.shape.email,
  name: ZUser.shape.name,
  /** Omit it to have a temporary password generated and answered once. */
  password: ZUser.shape.password.max(200).optional(),
  role: ZAdminRole.default('viewer'),
});
export type TCreateAdminUserRequest = z.infer<typeof ZCreateAdminUserRequest>;

export const ZUpdateAdminUserRequest = z.strictObject({
  name: ZUser.shape.name.optional(),
  role: ZAdminRole.optional(),
});
export type TUpdateAdminUserRequest = z.infer<typeof ZUpdateAdminUserRequest>;

/** An admin user as the API shows them: never the password hash. */
export const ZAdminUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZAdminRole,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAdminUser = z.infer<typeof ZAdminUser>;

/** What adding an admin user answers: with the temporary password, once, when none was given. */
export const ZCreatedAdminUser = ZAdminUser.extend({ temporaryPassword: z.string().optional() });
export type TCreatedAdminUser = z.infer<typeof ZCreatedAdminUser>;

export const ZListAdminUsersQuery = ZPageQuery.extend({
  role: ZAdminRole.optional(),
  /** Part of an email or name. */
  q: z.string().trim().min(1).max(200).optional(),
});
