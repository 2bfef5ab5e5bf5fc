import type { TTeamResource } from '@tollgate/contracts';
import type { Team } from '@tollgate/db';

export function toTeamResource(row: Team): TTeamResource {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    partner: row.partner,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
