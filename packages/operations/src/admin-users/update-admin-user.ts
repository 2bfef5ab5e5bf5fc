import { ZUpdateAdminUserRequest } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAdminUserOrThrow, keepAnOwner, toAdminUser } from './to-admin-user';

/** Renames an admin user or changes their role; the last owner keeps theirs. */
export const updateAdminUser = defineOperation({
  name: 'admin_users.update',
  role: 'owner',
  input: ZUpdateAdminUserRequest.extend({ id: z.uuid() }),
  audit: { resourceType: 'admin_user' },
  async run(tx, { id, ...changes }, ctx) {
    const current = await findAdminUserOrThrow(tx, id, { forUpdate: true });
    const before = toAdminUser(current);
    ctx.checkIfMatch(before);
    if (changes.role && changes.role !== 'owner') await keepAnOwner(tx, current);
    const after = toAdminUser(await tx.user.update({ where: { id }, data: changes }));
    ctx.audit({ resourceId: id, before, after });
    return after;
  },
});
