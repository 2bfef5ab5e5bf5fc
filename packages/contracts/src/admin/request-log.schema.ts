import { USAGE_OUTCOMES } from '@tollgate/domain';
import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZSplitVersionName } from '../config/traffic-split.schema';
import { ZPage, ZPageQuery } from './page.schema';

const HOUR_MS = 60 * 60 * 1000;

/** A search without `from` and `to` covers the last 24 hours; one without `from` the 24 hours before `to`. */
export const REQUEST_LOG_DEFAULT_SPAN_MS = 24 * HOUR_MS;
/** The widest range a search may cover: the log is partitioned by day, so a search reads at most eight days. */
export const REQUEST_LOG_MAX_SPAN_MS = 7 * 24 * HOUR_MS;
/** What the live view shows: the last five minutes. */
export const REQUEST_LOG_LIVE_SPAN_MS = 5 * 60 * 1000;
/** A CSV export stops after this many rows, newest first. */
export const REQUEST_LOG_EXPORT_MAX_ROWS = 100_000;

/** An exact status (`404`) or a class (`4xx`). */
export const ZStatusFilter = z.string().regex(/^[1-5](?:\d\d|xx)$/, 'must be a status such as 404 or a class such as 4xx');

const filterShape = {
  /** The request id exactly as the gateway recorded it (X-Request-Id). */
  requestId: z.string().min(1).max(128).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Start of the range (inclusive). Defaults to 24 hours before `to`.'),
  to: z.iso.datetime({ offset: true }).optional().describe('End of the range (exclusive). Defaults to now, or 24 hours after `from`. The range spans at most 7 days.'),
  status: ZStatusFilter.optional(),
  /** App slug. */
  app: ZSlug.optional(),
  /** The key's display prefix (`tg_live_3xY9aB`), never the key. */
  key: z.string().min(1).max(64).optional(),
  /** API slug. */
  api: ZSlug.optional(),
  /** Route key as the gateway records it, e.g. `GET /forecast/{city}`. */
  route: z.string().min(1).max(300).optional(),
  /** What became of the request (a rate limit's 429 apart from a quota's): one of USAGE_OUTCOMES. */
  outcome: z.enum(USAGE_OUTCOMES).optional(),
  /** The upstream version a traffic split chose, e.g. `canary`. */
  upstreamVersion: ZSplitVersionName.optional(),
  /** Only requests slower than this many milliseconds. */
  latencyOverMs: z.coerce.number().min(0).max(3_600_000).optional(),
};

type Span = { from?: string; to?: string };

/** A range must run forwards and stay within REQUEST_LOG_MAX_SPAN_MS, so every search bounds the partitions it reads. */
function checkSpan(value: Span, ctx: z.RefinementCtx) {
  if (!value.from || !value.to) return;
  const span = Date.parse(value.to) - Date.parse(value.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > REQUEST_LOG_MAX_SPAN_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most 7 days after from' });
}

const SPAN_DESCRIPTION = 'The range is [from, to): by default the last 24 hours, at most 7 days wide.';

/** The request log's filters (the CSV export takes these alone). */
export const ZRequestLogFilter = z.strictObject(filterShape).superRefine(checkSpan).describe(SPAN_DESCRIPTION);
export type TRequestLogFilter = z.infer<typeof ZRequestLogFilter>;

/** A page of the request log: the filters, `cursor` and `limit`. */
export const ZListRequestLogQuery = ZPageQuery.extend(filterShape).superRefine(checkSpan).describe(SPAN_DESCRIPTION);
export type TListRequestLogQuery = z.infer<typeof ZListRequestLogQuery>;

export const ZGetRequestLogEntryQuery = z.strictObject({
  id: z.string().min(1).max(128),
  /** The row's `time`, as the list gave it: the log is keyed by (time, id). */
  time: z.iso.datetime({ offset: true }),
});
export type TGetRequestLogEntryQuery = z.infer<typeof ZGetRequestLogEntryQuery>;

/** One request as the gateway recorded it. Headers and bodies are never recorded. */
export const ZRequestLogEntry = z.object({
  /** The request id. */
  id: z.string(),
  /** When the response completed (UTC, milliseconds). */
  time: z.string(),
  method: z.string(),
  /** Without the query string. */
  path: z.string(),
  status: z.number().int(),
  /** What became of the request: success, clientError, serverError, rateLimited, overQuota or authFailed. */
  outcome: z.enum(USAGE_OUTCOMES),
  latencyMs: z.number(),
  bytesIn: z.number(),
  bytesOut: z.number(),
  units: z.number().int(),
  /** Requests this row stands for: more than 1 for refused credentials folded per address and minute. */
  count: z.number().int(),
  apiSlug: z.string().nullable(),
  routeKey: z.string().nullable(),
  appSlug: z.string().nullable(),
  keyPrefix: z.string().nullable(),
  clientIp: z.string().nullable(),
  gatewayId: z.string(),
  /** The upstream version a traffic split chose; null without a split. */
  upstreamVersion: z.string().nullable(),
});
export type TRequestLogEntry = z.infer<typeof ZRequestLogEntry>;

export const ZRequestLogPage = ZPage(ZRequestLogEntry).extend({
  /** The range searched, after defaults: [from, to). */
  from: z.string(),
  to: z.string(),
});
export type TRequestLogPage = z.infer<typeof ZRequestLogPage>;

/** One request with the records it names (null when there is none, or it has been deleted since). */
export const ZRequestLogDetail = ZRequestLogEntry.extend({
  batchId: z.string(),
  apiId: z.string().nullable(),
  apiName: z.string().nullable(),
  appId: z.string().nullable(),
  appName: z.string().nullable(),
  teamSlug: z.string().nullable(),
  keyId: z.string().nullable(),
  keyName: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  planId: z.string().nullable(),
  planSlug: z.string().nullable(),
});
export type TRequestLogDetail = z.infer<typeof ZRequestLogDetail>;
