import type { User } from '@tollgate/db';
import type { Tx } from '../core/define-operation';

/** The account with this address, whatever the case it was stored in. */
export function findAccountByEmail(tx: Tx, email: string): Promise<User | null> {
  return tx.user.findFirst({ where: { email: { equals: email.trim(), mode: 'insensitive' } } });
}

/**
 * Whether the person signed themselves up and has not yet followed the verification link.
 * Only self sign-up issues verify_email links, so people added by an admin or by a config file
 * (whose address nobody asked them to prove) are not held back.
 */
export async function awaitsEmailVerification(tx: Tx, user: Pick<User, 'id' | 'emailVerifiedAt'>): Promise<boolean> {
  if (user.emailVerifiedAt) return false;
  return (await tx.oneTimeToken.count({ where: { userId: user.id, purpose: 'verify_email' } })) > 0;
}
