import { ALERT_METRICS, ZCreateAlertRuleRequest, type TAlertMetric, type TAlertRule, type TCreateAlertRuleRequest } from '@tollgate/contracts';
import { z } from 'zod';

/** The Select's value for "every API" (Radix Select items cannot be empty). */
export const EVERY_API = '*';

/** The form's fields: recipients typed as text (commas or new lines), numbers as numbers. */
export const ZAlertRuleForm = z
  .object({
    name: z.string(),
    metric: z.enum(ALERT_METRICS),
    api: z.string(),
    subscription: z.string(),
    threshold: z.number({ error: 'must be a number' }),
    windowMinutes: z.number({ error: 'must be a number' }),
    webhook: z.boolean(),
    mailTo: z.string(),
  })
  .transform((form, ctx) => {
    const quota = form.metric === 'quota_used';
    const request = {
      name: form.name,
      metric: form.metric,
      ...(!quota && form.api !== EVERY_API ? { api: form.api } : {}),
      ...(quota && form.subscription ? { subscription: form.subscription } : {}),
      threshold: form.threshold,
      windowMinutes: form.windowMinutes,
      webhook: form.webhook,
      mailTo: form.mailTo.split(/[\s,;]+/).map((address) => address.trim()).filter(Boolean),
    };
    // The contract's own rules, each issue on the form field that holds it.
    const parsed = ZCreateAlertRuleRequest.safeParse(request);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [formFieldOf(issue.path.map(String).join('.'))] });
    return z.NEVER;
  });

export type AlertRuleFormValues = z.input<typeof ZAlertRuleForm>;
export const ALERT_FORM_FIELDS = ['name', 'metric', 'api', 'subscription', 'threshold', 'windowMinutes', 'webhook', 'mailTo'];

/** `mailTo.0` or `mailTo[0]` -> `mailTo`: the recipients are one text field. */
export function formFieldOf(name: string): string {
  return name.replace(/(\[\d+\]|\.\d+).*$/, '');
}

export function formDefaults(rule?: TAlertRule): AlertRuleFormValues {
  return {
    name: rule?.name ?? '',
    metric: rule?.metric ?? 'error_rate',
    api: rule?.api ?? EVERY_API,
    subscription: rule?.subscription ?? '',
    threshold: rule?.threshold ?? 5,
    windowMinutes: rule?.windowMinutes ?? 5,
    webhook: rule?.webhook ?? true,
    mailTo: rule?.mailTo.join(', ') ?? '',
  };
}

/** What an update sends: every field, the one the metric does not use removed. */
export function toUpdate(request: TCreateAlertRuleRequest) {
  return { ...request, api: request.api ?? null, subscription: request.subscription ?? null };
}

export const METRIC_OPTIONS: readonly { value: TAlertMetric; label: string; description: string }[] = [
  { value: 'error_rate', label: 'Error rate', description: 'Share of calls answered 4xx or 5xx, in %.' },
  { value: 'p95_latency', label: 'p95 latency', description: '95th percentile of the latency, in ms.' },
  { value: 'quota_used', label: 'Quota used', description: "Share of a subscription's quota spent this period, in %." },
];

export const metricLabel = (metric: TAlertMetric) => METRIC_OPTIONS.find((option) => option.value === metric)?.label ?? metric;
