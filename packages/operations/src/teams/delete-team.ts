import { ZSlug } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findTeamOrThrow } from './find-team-or-throw';
import { toTeamResource } from './to-team-resource';

/** Deletes a team without apps; delete or move its apps first, so no key stops working by surprise. */
export const deleteTeam = defineOperation({
  name: 'teams.delete',
  role: 'admin',
  input: z.strictObject({ slug: ZSlug }),
  audit: { resourceType: 'team' },
  async run(tx, input, ctx) {
    const current = await findTeamOrThrow(tx, input.slug, { forUpdate: true });
    const before = toTeamResource(current);
    ctx.checkIfMatch(before);
    const apps = await tx.app.count({ where: { teamId: current.id } });
    if (apps > 0) throw new TollgateError('conflict', { detail: `Team "${input.slug}" has ${apps} app(s): delete them first.` });
    await tx.team.delete({ where: { id: current.id } });
    ctx.configChanged('team', current.id, current.slug);
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
