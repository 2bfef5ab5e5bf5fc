import { ZListAlertRulesQuery } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { decodeCursor, pageOf } from '../core/paginate';
import { UUID } from './find-alert-rule-or-throw';
import { ALERT_RULE_INCLUDE, toAlertRule } from './to-alert-rule';

/** Alert rules in id order with their state (ok, or firing since when); `state` keeps one state only. */
export const listAlertRules = defineOperation({
  name: 'alerts.list',
  role: 'viewer',
  input: ZListAlertRulesQuery,
  async run(tx, input) {
    const after = decodeCursor(input.cursor, (value) => UUID.test(value));
    const rows = await tx.alertRule.findMany({
      where: { ...(after ? { id: { gt: after } } : {}), ...(input.state ? { state: input.state } : {}) },
      include: ALERT_RULE_INCLUDE,
      orderBy: { id: 'asc' },
      take: input.limit + 1,
    });
    return pageOf(rows, input.limit, (row) => row.id, toAlertRule);
  },
});
