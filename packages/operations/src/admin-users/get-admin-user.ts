import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAdminUserOrThrow, toAdminUser } from './to-admin-user';

export const getAdminUser = defineOperation({
  name: 'admin_users.get',
  role: 'viewer',
  input: z.strictObject({ id: z.string().max(100) }),
  async run(tx, input) {
    return toAdminUser(await findAdminUserOrThrow(tx, input.id));
  },
});
