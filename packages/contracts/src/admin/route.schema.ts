import { z } from 'zod';
import { ZRoute } from '../config/config-file.schema';
import { optionalFields } from './optional-fields';

/** A route as the config file writes it, without versions (set through the config file). */
export const ZCreateRouteRequest = ZRoute.omit({ version: true });
export type TCreateRouteRequest = z.infer<typeof ZCreateRouteRequest>;

export const ZUpdateRouteRequest = optionalFields(ZCreateRouteRequest.shape);
export type TUpdateRouteRequest = z.infer<typeof ZUpdateRouteRequest>;

export const ZRouteResource = z.object({
  id: z.string(),
  key: z.string(),
  path: z.string(),
  methods: z.array(z.string()),
  auth: z.enum(['none', 'key', 'jwt', 'key-or-jwt']),
  weight: z.int(),
  allowQueryKey: z.boolean(),
  stripBasePath: z.boolean(),
  rewrite: z.string().nullable(),
  policies: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TRouteResource = z.infer<typeof ZRouteResource>;
