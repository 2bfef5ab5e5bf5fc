import { z } from 'zod';
import { ZPlan } from '../config/config-file.schema';
import { optionalFields } from './optional-fields';

export const ZCreatePlanRequest = ZPlan;
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z.strictObject({
  slug: ZPlan.shape.slug.optional(),
  name: ZPlan.shape.name.optional(),
  description: z.string().max(5000).optional(),
  apis: ZPlan.shape.apis.unwrap().optional(),
  rateLimit: ZPlan.shape.rateLimit.unwrap().nullable().optional(),
  quota: ZPlan.shape.quota.unwrap().nullable().optional(),
  price: optionalFields(ZPlan.shape.price.unwrap().shape).extend({ includedUnits: z.int().nonnegative().nullable().optional() }).optional(),
  hardStop: z.boolean().optional(),
  approvalRequired: z.boolean().optional(),
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
