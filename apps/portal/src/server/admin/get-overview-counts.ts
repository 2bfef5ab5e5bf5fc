import 'server-only';
import { getDb } from '../db';

export interface OverviewCounts {
  apis: number;
  publishedApis: number;
  plans: number;
  teams: number;
  apps: number;
  activeKeys: number;
}

/** The numbers on the admin console's front page. */
export async function getOverviewCounts(now = new Date()): Promise<OverviewCounts> {
  const db = await getDb();
  const [apis, publishedApis, plans, teams, apps, activeKeys] = await Promise.all([
    db.api.count(),
    db.api.count({ where: { status: 'published' } }),
    db.plan.count(),
    db.team.count(),
    db.app.count(),
    db.apiKey.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
  ]);
  return { apis, publishedApis, plans, teams, apps, activeKeys };
}
