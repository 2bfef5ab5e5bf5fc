import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAlertRuleOrThrow } from './find-alert-rule-or-throw';
import { toAlertRule } from './to-alert-rule';

/** Removes a rule; a firing rule goes without a recovery event. */
export const deleteAlertRule = defineOperation({
  name: 'alerts.delete',
  role: 'admin',
  input: z.strictObject({ id: z.string().max(100) }),
  audit: { resourceType: 'alert_rule' },
  async run(tx, input, ctx) {
    const current = await findAlertRuleOrThrow(tx, input.id, { forUpdate: true });
    const before = toAlertRule(current);
    ctx.checkIfMatch(before);
    await tx.alertRule.delete({ where: { id: current.id } });
    ctx.audit({ resourceId: current.id, before });
    return before;
  },
});
