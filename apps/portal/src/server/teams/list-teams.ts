import 'server-only';
import { getDb } from '../db';

/** Every team with member and app counts, for the admin console. */
export async function listTeams() {
  const db = await getDb();
  return db.team.findMany({
    select: { id: true, slug: true, name: true, createdAt: true, _count: { select: { members: true, apps: true } } },
    orderBy: { name: 'asc' },
  });
}
