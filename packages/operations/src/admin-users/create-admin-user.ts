import { randomBytes } from 'node:crypto';
import { ZCreateAdminUserRequest, type TCreatedAdminUser } from '@tollgate/contracts';
import { hashPassword } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { checkMayManage } from './owner-rules';
import { toAdminUser } from './to-admin-user';

/**
 * A person who signs in to the console. Without a password one is generated and answered
 * once, for the inviter to hand over; only its scrypt hash is stored. Only an owner adds an owner.
 */
export const createAdminUser = defineOperation({
  name: 'admin_users.create',
  role: 'admin',
  input: ZCreateAdminUserRequest,
  audit: { resourceType: 'admin_user' },
  async run(tx, input, ctx): Promise<TCreatedAdminUser> {
    checkMayManage(ctx.principal, null, input.role);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new TollgateError('conflict', { detail: `${input.email} already has an account.`, invalidParams: [{ name: 'email', reason: 'already has an account' }] });
    }
    const temporaryPassword = input.password === undefined ? randomBytes(12).toString('base64url') : undefined;
    const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
    const row = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
    const user = toAdminUser(row);
    ctx.audit({ resourceId: row.id, after: user });
    return temporaryPassword ? { ...user, temporaryPassword } : user;
  },
});
