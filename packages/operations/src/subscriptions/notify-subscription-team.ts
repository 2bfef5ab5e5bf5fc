import type { TSubscriptionResource } from '@tollgate/contracts';
import type { Tx } from '../core/define-operation';

export interface SubscriptionNotice {
  kind: string;
  title: string;
  body: string;
}

/** Tells every member of the app's team, in the transition's own transaction, so the notice exists exactly when the change does. */
export async function notifySubscriptionTeam(tx: Tx, appId: string, subscription: TSubscriptionResource, notice: SubscriptionNotice): Promise<void> {
  const app = await tx.app.findUniqueOrThrow({ where: { id: appId }, select: { teamId: true } });
  await tx.notification.create({ data: { teamId: app.teamId, ...notice, href: `/apps/${subscription.app}` } });
}
