import { ZSlug } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findTeamOrThrow } from './find-team-or-throw';
import { toTeamResource } from './to-team-resource';

export const getTeam = defineOperation({
  name: 'teams.get',
  role: 'viewer',
  input: z.strictObject({ slug: ZSlug }),
  async run(tx, input) {
    return toTeamResource(await findTeamOrThrow(tx, input.slug));
  },
});
