import 'server-only';
import { getDb } from '../db';

/** Every API with its route count, for the admin console. */
export async function listApis() {
  const db = await getDb();
  return db.api.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      basePath: true,
      status: true,
      visibility: true,
      updatedAt: true,
      _count: { select: { routes: true } },
    },
    orderBy: { name: 'asc' },
  });
}
