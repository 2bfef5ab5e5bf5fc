import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { requireTeamMember, type TeamRole } from '../core/team-scope';
import { findKeyOrThrow } from '../keys/find-key-or-throw';
import { findSubscriptionOrThrow } from '../subscriptions/find-subscription-or-throw';

// Each record the portal names by slug or id is looked up and then checked against the caller's
// teams: another team's record answers not_found, exactly as one that does not exist.

export interface TeamApp {
  id: string;
  slug: string;
  teamId: string;
  /** The caller's role in the app's team. */
  role: TeamRole;
}

/** The app with this slug if the caller is in its team (an owner when `role` says so); `forUpdate` locks its row. */
export async function findTeamAppOrThrow(tx: Tx, principal: Principal, slug: string, options: { role?: TeamRole; forUpdate?: boolean } = {}): Promise<TeamApp> {
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "apps" WHERE "slug" = ${slug} FOR UPDATE`;
  const app = await tx.app.findUnique({ where: { slug }, select: { id: true, slug: true, teamId: true } });
  if (!app) throw new TollgateError('not_found', { detail: `No app with slug "${slug}".` });
  const role = await requireTeamMember(tx, principal, app.teamId, 'app', options.role);
  return { ...app, role };
}

/** The key with this id if its app is one of the caller's teams'. */
export async function findTeamKeyOrThrow(tx: Tx, principal: Principal, id: string, options: { forUpdate?: boolean } = {}) {
  const key = await findKeyOrThrow(tx, id, options);
  await requireTeamMember(tx, principal, await teamOfApp(tx, key.appId), 'key');
  return key;
}

/** The subscription with this id if its app is one of the caller's teams'. */
export async function findTeamSubscriptionOrThrow(tx: Tx, principal: Principal, id: string) {
  const subscription = await findSubscriptionOrThrow(tx, id);
  await requireTeamMember(tx, principal, await teamOfApp(tx, subscription.appId), 'subscription');
  return subscription;
}

async function teamOfApp(tx: Tx, appId: string): Promise<string> {
  return (await tx.app.findUniqueOrThrow({ where: { id: appId }, select: { teamId: true } })).teamId;
}
