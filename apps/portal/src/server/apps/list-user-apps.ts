import 'server-only';
import { getDb } from '../db';

/** The apps of every team the user belongs to; nobody sees another team's apps. */
export async function listUserApps(userId: string) {
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
}
