import 'server-only';
import { cache } from 'react';
import type { TSessionUser } from '@/lib/auth/session-user';
import { getDb } from '../db';

/** The user as stored now (role changes and deletions take effect before the JWT expires). Read once per request. */
export const getUser = cache(async (id: string): Promise<TSessionUser | null> => {
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
});
