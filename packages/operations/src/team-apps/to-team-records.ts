import type { TTeamAppSummary, TTeamKey, TTeamNotification, TTeamSubscription } from '@tollgate/contracts';
import type { ApiKey, Notification, Subscription } from '@tollgate/db';
import { toKeyResource } from '../keys/to-key-resource';

export const TEAM_APP_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  createdAt: true,
  team: { select: { slug: true, name: true } },
  _count: { select: { subscriptions: { where: { status: { not: 'cancelled' } } }, keys: { where: { revokedAt: null } } } },
} as const;

type TeamAppRow = { id: string; slug: string; name: string; description: string; createdAt: Date; team: { slug: string; name: string }; _count: { subscriptions: number; keys: number } };

export function toTeamAppSummary(row: TeamAppRow): TTeamAppSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    team: row.team,
    subscriptions: row._count.subscriptions,
    activeKeys: row._count.keys,
    createdAt: row.createdAt.toISOString(),
  };
}

export const TEAM_SUBSCRIPTION_INCLUDE = { api: { select: { slug: true, name: true } }, plan: { select: { slug: true, name: true } } } as const;

export function toTeamSubscription(row: Subscription & { api: { slug: string; name: string }; plan: { slug: string; name: string } }): TTeamSubscription {
  return { id: row.id, api: row.api, plan: row.plan, status: row.status, statusReason: row.statusReason, createdAt: row.createdAt.toISOString() };
}

/** A key as its team sees it: the admin view (prefix, never the secret; not the admin's analytics exclusion) and the key it replaced. */
export function toTeamKey(row: ApiKey & { app: { slug: string; team: { slug: string } } }, now = new Date()): TTeamKey {
  const { excludedFromAnalytics: _adminOnly, ...key } = toKeyResource(row, now);
  return { ...key, rotatedFromId: row.rotatedFromId };
}

export function toTeamNotification(row: Notification & { team: { slug: string } }): TTeamNotification {
  return { id: row.id, team: row.team.slug, kind: row.kind, title: row.title, body: row.body, href: row.href, read: row.readAt !== null, createdAt: row.createdAt.toISOString() };
}
