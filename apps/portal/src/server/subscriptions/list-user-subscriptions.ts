import 'server-only';
import { getDb } from '../db';

/** Subscriptions of the apps in the user's teams, with their plan's price. */
export async function listUserSubscriptions(userId: string) {
  const db = await getDb();
  return db.subscription.findMany({
    where: { app: { team: { members: { some: { userId } } } } },
    select: {
      id: true,
      status: true,
      app: { select: { slug: true, name: true } },
      api: { select: { slug: true, name: true } },
      plan: { select: { slug: true, name: true, monthlyPriceCents: true, currency: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
}
