import { z } from 'zod';
import { ZPlan } from '../config/config-file.schema';
import { optionalFields } from './optional-fields';

export const ZCreatePlanRequest = ZPlan;
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

/** PATCH: fields left out stay; `rateLimit: null`, `quota: null` or `price.includedUnits: null` removes them. */
export const ZUpdatePlanRequest = optionalFields(ZPlan.shape).extend({
  price: optionalFields(ZPlan.shape.price.unwrap().shape).optional(),
});
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZPlanResource = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  apis: z.array(z.string()),
  rateLimit: z.object({ requests: z.int(), per: z.enum(['second', 'minute', 'hour']), burst: z.int().nullable() }).nullable(),
  quota: z.object({ requests: z.int(), per: z.enum(['day', 'month']) }).nullable(),
  price: z.object({ monthlyCents: z.int(), overagePer1000Cents: z.int(), includedUnits: z.int().nullable(), currency: z.string() }),
  hardStop: z.boolean(),
  approvalRequired: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPlanResource = z.infer<typeof ZPlanResource>;
