import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZSplitVersionName } from '../config/traffic-split.schema';
import { USAGE_RANGES, ZUsageRange } from '../portal/usage.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The widest custom range a dashboard reads (daily buckets keep it readable). */
export const ANALYTICS_MAX_SPAN_MS = 90 * DAY_MS;

/** A status class as the rollups hold it. */
export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
export const ZStatusClass = z.enum(STATUS_CLASSES);
export type TStatusClass = z.infer<typeof ZStatusClass>;

/** The charts a CSV can hold: the series over time, or one of the top tables. */
export const ANALYTICS_CSV_CHARTS = ['series', 'apis', 'routes', 'apps', 'teams', 'upstreamVersions', 'statusClasses'] as const;

const filterShape = {
  range: ZUsageRange.optional().describe(`One of ${USAGE_RANGES.join(', ')}, ending now; 24h when neither a range nor from/to is given.`),
  from: z.iso.datetime({ offset: true }).optional().describe('Start of a custom range (inclusive, widened to the start of its bucket); needs `to`.'),
  to: z.iso.datetime({ offset: true }).optional().describe('End of a custom range (exclusive, widened to the end of its bucket); at most 90 days after `from`.'),
  /** API slug. */
  api: ZSlug.optional(),
  /** Route key as the gateway records it, e.g. `GET /forecast/{city}`. */
  route: z.string().min(1).max(300).optional(),
  /** Plan slug. */
  plan: ZSlug.optional(),
  /** App slug. */
  app: ZSlug.optional(),
  /** The key's display prefix (`tg_live_3xY9aB`): every key showing it. */
  key: z.string().min(1).max(64).optional(),
  status: ZStatusClass.optional().describe('A status class: 2xx, 4xx, 5xx…'),
  upstreamVersion: ZSplitVersionName.optional().describe('The upstream version a traffic split chose, e.g. canary (a target’s `version`).'),
  intervalMs: z.coerce.number().int().positive().optional().describe('Bucket width asked for (ms); widened when the range would hold too many points.'),
};

type Span = { range?: string; from?: string; to?: string };

/** Either a named range or both ends of a custom one, running forwards and at most 90 days wide. */
function checkSpan(value: Span, ctx: z.RefinementCtx) {
  if (value.from === undefined && value.to === undefined) return;
  if (value.range !== undefined) ctx.addIssue({ code: 'custom', path: ['range'], message: 'give either range or from and to, not both' });
  if (value.from === undefined) return ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required with to' });
  if (value.to === undefined) return ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required with from' });
  const span = Date.parse(value.to) - Date.parse(value.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > ANALYTICS_MAX_SPAN_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most 90 days after from' });
}

/** What a dashboard asks: a range (named or custom) and filters that narrow every figure alike. */
export const ZAnalyticsQuery = z.strictObject(filterShape).superRefine(checkSpan);
export type TAnalyticsQuery = z.input<typeof ZAnalyticsQuery>;
export type TAnalyticsFilter = z.output<typeof ZAnalyticsQuery>;

/** The admin API's query: the dashboard's, and `format=csv` for one chart's data (`chart`, the series by default). */
export const ZAnalyticsApiQuery = z
  .strictObject({
    ...filterShape,
    format: z.enum(['json', 'csv']).default('json'),
    chart: z.enum(ANALYTICS_CSV_CHARTS).default('series').describe('With format=csv: which chart’s data.'),
  })
  .superRefine(checkSpan);

const ZLatency = z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() }).describe('Upper bounds (ms) of the histogram buckets that hold each percentile.');
const ZTotals = z
  .object({ requests: z.number(), units: z.number(), errors: z.number(), errorRate: z.number().nullable(), latencyMs: ZLatency })
  .catchall(z.number())
  .describe('Totals, with one count per outcome (success, clientError, serverError, rateLimited, overQuota, authFailed).');
const ZTopRow = z.object({ requests: z.number(), errors: z.number(), errorRate: z.number().nullable(), latencyMs: ZLatency });

/** One dashboard: the series by outcome with latency per bucket, totals now and in the previous period, and the top tables. */
export const ZAnalyticsReport = z.object({
  range: z.string().describe('The named range, or `custom`.'),
  from: z.string(),
  to: z.string(),
  bucketMs: z.number(),
  series: z.array(z.object({ start: z.string(), requests: z.number(), units: z.number(), latencyMs: ZLatency }).catchall(z.number())),
  totals: ZTotals,
  previous: z.object({ from: z.string(), to: z.string(), totals: ZTotals }),
  topApis: z.array(ZTopRow.extend({ api: z.string(), name: z.string() })),
  topRoutes: z.array(ZTopRow.extend({ api: z.string(), route: z.string() })),
  topApps: z.array(ZTopRow.extend({ app: z.string(), name: z.string(), team: z.string() })),
  topTeams: z.array(ZTopRow.extend({ team: z.string(), name: z.string() })),
  topUpstreamVersions: z.array(ZTopRow.extend({ api: z.string(), upstreamVersion: z.string() })).describe('Calls per API and upstream version a traffic split chose (APIs without a split are in no row).'),
  statusClasses: z.array(z.object({ statusClass: ZStatusClass, requests: z.number() })),
});
