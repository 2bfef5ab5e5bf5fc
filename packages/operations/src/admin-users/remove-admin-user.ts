import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAdminUserOrThrow, keepAnOwner, toAdminUser } from './to-admin-user';

/** Takes away a person's admin rights: they stay a developer with their teams, off the admin list. */
export const removeAdminUser = defineOperation({
  name: 'admin_users.remove',
  role: 'owner',
  input: z.strictObject({ id: z.uuid() }),
  audit: { resourceType: 'admin_user' },
  async run(tx, input, ctx) {
    const current = await findAdminUserOrThrow(tx, input.id, { forUpdate: true });
    const before = toAdminUser(current);
    ctx.checkIfMatch(before);
    await keepAnOwner(tx, current);
    await tx.user.update({ where: { id: input.id }, data: { role: 'developer' } });
    ctx.audit({ resourceId: input.id, before, after: { ...before, role: 'developer' } });
    return before;
  },
});
