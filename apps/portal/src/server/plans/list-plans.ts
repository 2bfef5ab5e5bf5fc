import 'server-only';
import { getDb } from '../db';

/** Every plan with the APIs it covers and how many subscriptions use it, for the admin console. */
export async function listPlans() {
  const db = await getDb();
  return db.plan.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      rateLimitRequests: true,
      rateLimitPer: true,
      quotaRequests: true,
      quotaPer: true,
      monthlyPriceCents: true,
      currency: true,
      approvalRequired: true,
      apis: { select: { api: { select: { slug: true } } } },
      _count: { select: { subscriptions: true } },
    },
    orderBy: { name: 'asc' },
  });
}
