import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZPageQuery } from './page.schema';
import { optionalFields } from './optional-fields';

/** What an alert rule watches: the error rate (%), the p95 latency (ms) or one subscription's quota use (%). */
export const ALERT_METRICS = ['error_rate', 'p95_latency', 'quota_used'] as const;
export const ZAlertMetric = z.enum(ALERT_METRICS, { error: `must be one of ${ALERT_METRICS.join(', ')}` });
export type TAlertMetric = z.infer<typeof ZAlertMetric>;

export const ALERT_METRIC_UNIT: Readonly<Record<TAlertMetric, '%' | 'ms'>> = Object.freeze({ error_rate: '%', p95_latency: 'ms', quota_used: '%' });

/** A rule fires above its threshold; the largest threshold each metric accepts. */
export const ALERT_THRESHOLD_MAX: Readonly<Record<TAlertMetric, number>> = Object.freeze({ error_rate: 100, p95_latency: 600_000, quota_used: 1_000 });

export const ALERT_WINDOW_MAX_MINUTES = 1_440;

export const ZAlertState = z.enum(['ok', 'firing']);
export type TAlertState = z.infer<typeof ZAlertState>;

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  metric: ZAlertMetric,
  /** Only this API's calls (error_rate, p95_latency); every API when absent. */
  api: ZSlug.optional(),
  /** The subscription (its id) whose quota use is watched; required for quota_used. */
  subscription: z.uuid({ error: 'must be a subscription id' }).optional(),
  /** Fires when the value is above it: percent for error_rate and quota_used, milliseconds for p95_latency. */
  threshold: z.number({ error: 'must be a number' }).positive('must be above 0'),
  /** The minutes of traffic each evaluation reads (error_rate, p95_latency). */
  windowMinutes: z.number({ error: 'must be a number' }).int('must be whole minutes').min(1, 'must be at least 1').max(ALERT_WINDOW_MAX_MINUTES, `must be at most ${ALERT_WINDOW_MAX_MINUTES} (a day)`).default(5),
  /** Send `dev.tollgate.alert.fired` and `.recovered` to the webhooks that want them. */
  webhook: z.boolean().default(true),
  /** Addresses mailed when the rule fires and when it recovers. */
  mailTo: z.array(z.email({ error: 'must be an email address' })).max(20, 'at most 20 addresses').default([]),
};

type AlertRuleFields = { metric: TAlertMetric; threshold: number; api?: string | undefined; subscription?: string | undefined };

/** The rules across fields: a quota rule names its subscription and no API; the others name no subscription. */
export function checkAlertRule(rule: AlertRuleFields, ctx: z.RefinementCtx): void {
  const max = ALERT_THRESHOLD_MAX[rule.metric];
  if (rule.threshold > max) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `must be at most ${max} ${ALERT_METRIC_UNIT[rule.metric]}` });
  if (rule.metric === 'quota_used') {
    if (!rule.subscription) ctx.addIssue({ code: 'custom', path: ['subscription'], message: 'a quota rule needs a subscription' });
    if (rule.api) ctx.addIssue({ code: 'custom', path: ['api'], message: 'a quota rule watches its subscription; leave the API out' });
  } else if (rule.subscription) {
    ctx.addIssue({ code: 'custom', path: ['subscription'], message: 'only a quota rule names a subscription' });
  }
}

export const ZCreateAlertRuleRequest = z.strictObject(fields).superRefine(checkAlertRule);
export type TCreateAlertRuleRequest = z.infer<typeof ZCreateAlertRuleRequest>;

/** Fields left out stay as stored; `api` or `subscription` null removes it. The result is checked as a whole. */
export const ZUpdateAlertRuleRequest = optionalFields(fields);
export type TUpdateAlertRuleRequest = z.infer<typeof ZUpdateAlertRuleRequest>;

export const ZListAlertRulesQuery = ZPageQuery.extend({ state: ZAlertState.optional() });

export const ZAlertRule = z.object({
  id: z.string(),
  name: z.string(),
  metric: ZAlertMetric,
  api: z.string().nullable(),
  subscription: z.string().nullable(),
  /** The watched subscription as people read it: `<app> on <api>`. */
  consumer: z.string().nullable(),
  threshold: z.number(),
  windowMinutes: z.int(),
  webhook: z.boolean(),
  mailTo: z.array(z.string()),
  state: ZAlertState,
  /** When the rule went from ok to firing; null while ok. */
  firingSince: z.string().nullable(),
  /** The value at the last evaluation (null before the first, or without calls in the window). */
  lastValue: z.number().nullable(),
  lastEvaluatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TAlertRule = z.infer<typeof ZAlertRule>;
