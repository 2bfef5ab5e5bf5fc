import { ALERT_FIRED, ALERT_RECOVERED, buildCloudEvent } from '@tollgate/domain';
import { enqueueWebhookEvent, Prisma, sqlUtc, type Db } from '@tollgate/db';
import type { TAlertRule } from '@tollgate/contracts';
import { readAlertMetric } from './read-alert-metric';
import { ALERT_RULE_INCLUDE, toAlertRule, type AlertRuleWithNames } from './to-alert-rule';

/** A rule that changed state in this evaluation, claimed by this caller alone. */
export interface AlertTransition {
  rule: TAlertRule;
  kind: 'fired' | 'recovered';
  /** The value that crossed the threshold (null: the window has no calls, which recovers a rule). */
  value: number | null;
  at: Date;
}

/**
 * Evaluates every rule at `now`. A rule above its threshold that was ok fires; a firing rule at
 * or under it (or with nothing to judge) recovers; one that stays as it was sends nothing. Each
 * change is claimed with a conditional UPDATE on the stored state, in the transaction that queues
 * its `dev.tollgate.alert.fired` or `.recovered` event for the platform's webhooks, so of two
 * workers evaluating at once only one sends. The caller mails the transitions it gets back.
 */
export async function evaluateAlertRules(db: Db, now: Date, options: { source: string }): Promise<AlertTransition[]> {
  const rules = await db.alertRule.findMany({ include: ALERT_RULE_INCLUDE, orderBy: { id: 'asc' } });
  const transitions: AlertTransition[] = [];
  for (const rule of rules) {
    const value = await readAlertMetric(db, rule, now);
    const firing = value !== null && value > rule.threshold;
    if (firing === (rule.state === 'firing')) {
      await db.$executeRaw`UPDATE alert_rules SET "lastValue" = ${value}, "lastEvaluatedAt" = ${sqlUtc(now)} WHERE id = ${rule.id}::uuid`;
      continue;
    }
    const transition = await claimTransition(db, rule, firing ? 'fired' : 'recovered', value, now, options.source);
    if (transition) transitions.push(transition);
  }
  return transitions;
}

async function claimTransition(db: Db, rule: AlertRuleWithNames, kind: AlertTransition['kind'], value: number | null, now: Date, source: string): Promise<AlertTransition | null> {
  const [from, to] = kind === 'fired' ? (['ok', 'firing'] as const) : (['firing', 'ok'] as const);
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE alert_rules SET state = ${to}::"AlertState", "firingSince" = ${kind === 'fired' ? sqlUtc(now) : Prisma.sql`NULL`}, transitions = transitions + 1,
             "lastValue" = ${value}, "lastEvaluatedAt" = ${sqlUtc(now)}
      WHERE id = ${rule.id}::uuid AND state = ${from}::"AlertState"`;
    if (claimed === 0) return null;
    const row = await tx.alertRule.findUniqueOrThrow({ where: { id: rule.id }, include: ALERT_RULE_INCLUDE });
    const changed = toAlertRule(row);
    if (row.webhook) {
      const event = buildCloudEvent({
        id: `alert_${row.id}.${row.transitions}`,
        source,
        type: kind === 'fired' ? ALERT_FIRED : ALERT_RECOVERED,
        subject: row.name,
        time: now,
        data: {
          rule: { id: changed.id, name: changed.name, metric: changed.metric, api: changed.api, consumer: changed.consumer, threshold: changed.threshold, windowMinutes: changed.windowMinutes },
          state: changed.state,
          value,
          firingSince: kind === 'fired' ? changed.firingSince : rule.firingSince?.toISOString() ?? null,
        },
      });
      await enqueueWebhookEvent(tx, { teamId: null, event, now });
    }
    return { rule: changed, kind, value, at: now };
  });
}
