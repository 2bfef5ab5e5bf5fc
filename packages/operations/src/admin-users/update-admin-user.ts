import { ZUpdateAdminUserRequest } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { checkMayManage, keepAnOwner, lockOwners } from './owner-rules';
import { findAdminUserOrThrow, toAdminUser } from './to-admin-user';

/** Renames an admin user or changes their role; only an owner touches an owner, and the last owner keeps theirs. */
export const updateAdminUser = defineOperation({
  name: 'admin_users.update',
  role: 'admin',
  input: ZUpdateAdminUserRequest.extend({ id: z.string().max(100) }),
  audit: { resourceType: 'admin_user' },
  async run(tx, { id, ...changes }, ctx) {
    await lockOwners(tx);
    const current = await findAdminUserOrThrow(tx, id, { forUpdate: true });
    const before = toAdminUser(current);
    ctx.checkIfMatch(before);
    checkMayManage(ctx.principal, current, changes.role);
    if (changes.role && changes.role !== 'owner') await keepAnOwner(tx, current);
    const after = toAdminUser(await tx.user.update({ where: { id: current.id }, data: changes }));
    ctx.audit({ resourceId: current.id, before, after });
    return after;
  },
});
