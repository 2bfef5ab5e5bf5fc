import { ZCreateAlertRuleRequest } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { alertRuleData } from './alert-rule-data';
import { ALERT_RULE_INCLUDE, toAlertRule } from './to-alert-rule';

/** A threshold the worker checks every ALERT_TICK_MS; it starts ok and fires on the first evaluation above it. */
export const createAlertRule = defineOperation({
  name: 'alerts.create',
  role: 'admin',
  input: ZCreateAlertRuleRequest,
  audit: { resourceType: 'alert_rule' },
  async run(tx, input, ctx) {
    const row = await tx.alertRule.create({ data: await alertRuleData(tx, input), include: ALERT_RULE_INCLUDE });
    const rule = toAlertRule(row);
    ctx.audit({ resourceId: row.id, after: rule });
    return rule;
  },
});
