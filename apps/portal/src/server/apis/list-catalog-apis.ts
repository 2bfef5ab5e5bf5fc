import 'server-only';
import { getDb } from '../db';

export interface CatalogApi {
  slug: string;
  name: string;
  description: string;
  basePath: string;
  status: 'published' | 'deprecated';
}

/** The APIs every visitor may see: public and published (or deprecated but still served). */
export async function listCatalogApis(): Promise<CatalogApi[]> {
  const db = await getDb();
  const apis = await db.api.findMany({
    where: { visibility: 'public', status: { in: ['published', 'deprecated'] } },
    select: { slug: true, name: true, description: true, basePath: true, status: true },
    orderBy: { name: 'asc' },
  });
  return apis.map((api) => ({ ...api, status: api.status === 'deprecated' ? 'deprecated' : 'published' }));
}
