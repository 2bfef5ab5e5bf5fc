import 'server-only';
import type { TSubscriptionResource } from '@tollgate/contracts';
import { publicOrigin } from '@/lib/public-origin';
import { sendAccountMail } from '@/server/accounts/send-account-mail';
import { dbClient } from '@/server/db';

/**
 * Mails every member of the app's team that an admin approved or rejected its request (the
 * notification row was written with the decision). A mail that fails is logged; the decision stands.
 */
export async function mailSubscriptionDecision(subscription: TSubscriptionResource): Promise<void> {
  try {
    await mailTeam(subscription);
  } catch (error) {
    console.error(`portal: could not mail the decision on ${subscription.app}/${subscription.api}`, error);
  }
}

async function mailTeam(subscription: TSubscriptionResource): Promise<void> {
  const members = await dbClient().teamMember.findMany({ where: { team: { slug: subscription.team } }, select: { user: { select: { email: true } } } });
  const link = new URL(`/apps/${subscription.app}`, await publicOrigin()).toString();
  const approved = subscription.status === 'active';
  const subject = approved ? `${subscription.app} may call ${subscription.api}` : `${subscription.app}'s request for ${subscription.api} was rejected`;
  const decision = approved ? 'was approved: its keys work now' : `was rejected: ${subscription.statusReason ?? 'no reason given'}`;
  const text = `The request of ${subscription.app} for ${subscription.api} on the ${subscription.plan} plan ${decision}.\n\nSee the app: ${link}\n`;
  await Promise.all(members.map((member) => sendAccountMail({ to: member.user.email, subject, text })));
}
