import type { TAppResource } from '@tollgate/contracts';
import type { App } from '@tollgate/db';

export type AppWithTeam = App & { team: { slug: string } };

export const APP_INCLUDE = { team: { select: { slug: true } } } as const;

export function toAppResource(row: AppWithTeam): TAppResource {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    team: row.team.slug,
    excludedFromAnalytics: row.excludedFromAnalytics,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
