import { z } from 'zod';
import { defineOperation } from '../core/define-operation';

type ApiStatus = 'draft' | 'published' | 'deprecated' | 'retired';

export interface Overview {
  apis: { total: number } & Record<ApiStatus, number>;
  plans: number;
  teams: number;
  apps: number;
  subscriptions: { active: number; pending: number };
  /** Keys neither revoked nor expired. */
  activeKeys: number;
}

/** The counts on the console's front page, read in one round of queries. */
export const getOverview = defineOperation({
  name: 'overview.get',
  role: 'viewer',
  input: z.strictObject({}),
  async run(tx): Promise<Overview> {
    const now = new Date();
    const [byStatus, plans, teams, apps, bySubscription, activeKeys] = await Promise.all([
      tx.api.groupBy({ by: ['status'], _count: { _all: true } }),
      tx.plan.count(),
      tx.team.count(),
      tx.app.count(),
      tx.subscription.groupBy({ by: ['status'], where: { status: { in: ['active', 'pending'] } }, _count: { _all: true } }),
      tx.apiKey.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    ]);
    const apis = { total: 0, draft: 0, published: 0, deprecated: 0, retired: 0 };
    for (const row of byStatus) {
      apis[row.status] = row._count._all;
      apis.total += row._count._all;
    }
    const count = (status: string) => bySubscription.find((row) => row.status === status)?._count._all ?? 0;
    return { apis, plans, teams, apps, subscriptions: { active: count('active'), pending: count('pending') }, activeKeys };
  },
});
