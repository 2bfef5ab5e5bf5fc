import { ZCreateAdminUserRequest } from '@tollgate/contracts';
import { hashPassword } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { toAdminUser } from './to-admin-user';

/** A person who signs in to the console; only an owner adds them. */
export const createAdminUser = defineOperation({
  name: 'admin_users.create',
  role: 'owner',
  input: ZCreateAdminUserRequest,
  audit: { resourceType: 'admin_user' },
  async run(tx, input, ctx) {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new TollgateError('conflict', { detail: `${input.email} already has an account.`, invalidParams: [{ name: 'email', reason: 'already has an account' }] });
    }
    const row = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) } });
    const user = toAdminUser(row);
    ctx.audit({ resourceId: row.id, after: user });
    return user;
  },
});
