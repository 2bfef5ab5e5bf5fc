import { mergePatch, toInvalidParams, ZCreateAlertRuleRequest, ZUpdateAlertRuleRequest, type TAlertRule } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { alertRuleData } from './alert-rule-data';
import { findAlertRuleOrThrow } from './find-alert-rule-or-throw';
import { ALERT_RULE_INCLUDE, toAlertRule } from './to-alert-rule';

/** The stored rule as a create request, for a PATCH to merge into. */
function asRequest(rule: TAlertRule): Record<string, unknown> {
  const { name, metric, api, subscription, threshold, windowMinutes, webhook, mailTo } = rule;
  return { name, metric, threshold, windowMinutes, webhook, mailTo, ...(api ? { api } : {}), ...(subscription ? { subscription } : {}) };
}

/**
 * Changes a rule; the merged rule is checked as a whole (a quota rule keeps its subscription).
 * Its state stays: a firing rule recovers at the next evaluation that finds it under the new threshold.
 */
export const updateAlertRule = defineOperation({
  name: 'alerts.update',
  role: 'admin',
  input: ZUpdateAlertRuleRequest.extend({ id: z.string().max(100) }),
  audit: { resourceType: 'alert_rule' },
  async run(tx, { id, ...changes }, ctx) {
    const current = await findAlertRuleOrThrow(tx, id, { forUpdate: true });
    const before = toAlertRule(current);
    ctx.checkIfMatch(before);
    const merged = ZCreateAlertRuleRequest.safeParse(mergePatch(asRequest(before), changes));
    if (!merged.success) throw new TollgateError('invalid_params', { invalidParams: toInvalidParams(merged.error) });
    const row = await tx.alertRule.update({ where: { id: current.id }, data: await alertRuleData(tx, merged.data), include: ALERT_RULE_INCLUDE });
    const after = toAlertRule(row);
    ctx.audit({ resourceId: row.id, before, after });
    return after;
  },
});
