import { z } from 'zod';

export const ZUserRole = z.enum(['owner', 'admin', 'viewer', 'developer']);
export type TUserRole = z.infer<typeof ZUserRole>;

/** What the session JWT carries about a person. */
export const ZSessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZUserRole,
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSignInRequest = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});
