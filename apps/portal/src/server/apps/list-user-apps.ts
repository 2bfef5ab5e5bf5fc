import 'server-only';
import { cache } from 'react';
import { getDb } from '../db';

/** The apps of every team the user belongs to, read once per request; nobody sees another team's apps. */
export const listUserApps = cache(async (userId: string) => {
  const db = await getDb();
  return db.app.findMany({
    where: { team: { members: { some: { userId } } } },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      team: { select: { slug: true, name: true } },
      _count: { select: { keys: { where: { revokedAt: null } }, subscriptions: true } },
    },
    orderBy: [{ team: { name: 'asc' } }, { name: 'asc' }],
  });
});
