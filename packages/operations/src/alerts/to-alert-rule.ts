import type { TAlertRule } from '@tollgate/contracts';
import type { AlertRule } from '@tollgate/db';

export const ALERT_RULE_INCLUDE = {
  api: { select: { slug: true } },
  subscription: { select: { app: { select: { slug: true } }, api: { select: { slug: true } } } },
} as const;

export type AlertRuleWithNames = AlertRule & {
  api: { slug: string } | null;
  subscription: { app: { slug: string }; api: { slug: string } } | null;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAlertRule(row: AlertRuleWithNames): TAlertRule {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    api: row.api?.slug ?? null,
    subscription: row.subscriptionId,
    consumer: row.subscription ? `${row.subscription.app.slug} on ${row.subscription.api.slug}` : null,
    threshold: row.threshold,
    windowMinutes: row.windowMinutes,
    webhook: row.webhook,
    mailTo: row.mailTo,
    state: row.state,
    firingSince: iso(row.firingSince),
    lastValue: row.lastValue,
    lastEvaluatedAt: iso(row.lastEvaluatedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
