import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { checkMayManage, keepAnOwner, lockOwners } from './owner-rules';
import { findAdminUserOrThrow, toAdminUser } from './to-admin-user';

/** Takes away a person's admin rights: they stay a developer with their teams, off the admin list. */
export const removeAdminUser = defineOperation({
  name: 'admin_users.remove',
  role: 'admin',
  input: z.strictObject({ id: z.string().max(100) }),
  audit: { resourceType: 'admin_user' },
  async run(tx, input, ctx) {
    await lockOwners(tx);
    const current = await findAdminUserOrThrow(tx, input.id, { forUpdate: true });
    const before = toAdminUser(current);
    ctx.checkIfMatch(before);
    checkMayManage(ctx.principal, current);
    await keepAnOwner(tx, current);
    await tx.user.update({ where: { id: current.id }, data: { role: 'developer' } });
    ctx.audit({ resourceId: current.id, before, after: { ...before, role: 'developer' } });
    return before;
  },
});
