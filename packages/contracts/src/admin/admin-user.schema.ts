import { z } from 'zod';
import { ZUser } from '../config/config-file.schema';
import { ZAdminRole } from './admin-token.schema';

export const ZCreateAdminUserRequest = z.strictObject({
  email: ZUser.shape.email,
  name: ZUser.shape.name,
  password: ZUser.shape.password,
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
