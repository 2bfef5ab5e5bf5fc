import { z } from 'zod';
import { ZApp, ZSlug } from '../config/config-file.schema';
import { ZPageQuery } from './page.schema';

export const ZCreateAppRequest = z.strictObject({
  /** The slug of the team the app belongs to. */
  team: ZSlug,
  slug: ZSlug,
  name: ZApp.shape.name,
  description: z.string().max(5000).default(''),
});
export type TCreateAppRequest = z.infer<typeof ZCreateAppRequest>;

export const ZUpdateAppRequest = z.strictObject({
  slug: ZSlug.optional(),
  name: ZApp.shape.name.optional(),
  description: z.string().max(5000).optional(),
  /** Leave the app's calls out of the analytics charts (test or abusive traffic); they are still metered and billed. */
  excludedFromAnalytics: z.boolean().optional(),
});
export type TUpdateAppRequest = z.infer<typeof ZUpdateAppRequest>;

export const ZListAppsQuery = ZPageQuery.extend({
  /** Only the apps of this team (its slug). */
  team: ZSlug.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});

export const ZAppResource = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** The team's slug. */
  team: z.string(),
  excludedFromAnalytics: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAppResource = z.infer<typeof ZAppResource>;
