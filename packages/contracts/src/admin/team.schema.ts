import { z } from 'zod';
import { ZSlug, ZTeam } from '../config/config-file.schema';
import { ZPageQuery } from './page.schema';

export const ZCreateTeamRequest = z.strictObject({
  slug: ZSlug,
  name: ZTeam.shape.name,
  /** Partner teams may subscribe to APIs whose visibility is `partner`. */
  partner: z.boolean().default(false),
});
export type TCreateTeamRequest = z.infer<typeof ZCreateTeamRequest>;

export const ZUpdateTeamRequest = z.strictObject({
  slug: ZSlug.optional(),
  name: ZTeam.shape.name.optional(),
  partner: z.boolean().optional(),
});
export type TUpdateTeamRequest = z.infer<typeof ZUpdateTeamRequest>;

export const ZListTeamsQuery = ZPageQuery.extend({
  /** Part of the slug or name, any case. */
  q: z.string().trim().min(1).max(200).optional(),
});

export const ZTeamResource = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  partner: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTeamResource = z.infer<typeof ZTeamResource>;
