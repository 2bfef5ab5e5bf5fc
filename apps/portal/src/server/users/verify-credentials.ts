import 'server-only';
import { hashPassword, verifyPassword } from '@tollgate/domain';
import { awaitsEmailVerification } from '@tollgate/operations';
import type { TSessionUser } from '@/lib/auth/session-user';
import { getDb } from '../db';

let dummyHash: Promise<string> | undefined;

/**
 * The user with this email and password, or null; `awaitingVerification` when they signed
 * themselves up and have not followed the verification link yet. Unknown emails cost as much
 * time as wrong passwords.
 */
export async function verifyCredentials(email: string, password: string): Promise<(TSessionUser & { awaitingVerification: boolean }) | null> {
  const db = await getDb();
  const user = await db.user.findFirst({ where: { email: { equals: email.trim(), mode: 'insensitive' } } });
  if (!user) {
    dummyHash ??= hashPassword('tollgate-timing-equaliser');
    await verifyPassword(password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, awaitingVerification: await awaitsEmailVerification(db, user) };
}
