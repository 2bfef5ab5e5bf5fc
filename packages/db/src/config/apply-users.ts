import { hashPassword, verifyPassword } from '@tollgate/domain';
import type { TConfigUser } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import { differs, type ChangeSet } from './change-set';

/** Upserts users by email. A password is re-hashed only when it no longer verifies. */
export async function applyUsers(tx: Prisma.TransactionClient, users: TConfigUser[], changes: ChangeSet): Promise<void> {
  for (const user of users) {
    const existing = await tx.user.findUnique({ where: { email: user.email } });
    if (!existing) {
      const created = await tx.user.create({
        data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
      });
      changes.add('create', 'user', user.email, created.id);
      continue;
    }
    const desired: Prisma.UserUpdateInput = { name: user.name, role: user.role };
    const passwordChanged = !(await verifyPassword(user.password, existing.passwordHash));
    if (passwordChanged) desired.passwordHash = await hashPassword(user.password);
    if (passwordChanged || differs(existing, { name: user.name, role: user.role })) {
      await tx.user.update({ where: { id: existing.id }, data: desired });
      changes.add('update', 'user', user.email, existing.id);
    }
  }
}
