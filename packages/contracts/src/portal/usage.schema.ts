import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';

// Usage and billing reads of the developer portal (and the admin analytics that reuse them):
// the pages, the CSV route handlers and the operations validate with these same schemas.

/** The time ranges a usage view offers, newest data at the right edge. */
export const USAGE_RANGES = ['15m', '1h', '24h', '7d', '30d'] as const;
export const ZUsageRange = z.enum(USAGE_RANGES);
export type TUsageRange = z.infer<typeof ZUsageRange>;

export const USAGE_RANGE_MS: Readonly<Record<TUsageRange, number>> = Object.freeze({
  '15m': 900_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
  '30d': 2_592_000_000,
});

export const ZUsageQuery = z.strictObject({
  range: ZUsageRange.default('24h'),
  /** One app of the caller's teams; all of them when absent. */
  app: ZSlug.optional(),
  /** One key (its id) of the caller's apps. */
  key: z.uuid().optional(),
  /** Bucket width asked for (ms); the level picker widens it when the range would hold too many points. */
  intervalMs: z.number().int().positive().optional(),
});
export type TUsageQuery = z.input<typeof ZUsageQuery>;

export const ZStatementQuery = z.strictObject({ id: z.uuid() });
export type TStatementQuery = z.infer<typeof ZStatementQuery>;

export const ZStatementFormat = z.enum(['csv', 'json']);
