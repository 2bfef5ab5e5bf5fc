import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAlertRuleOrThrow } from './find-alert-rule-or-throw';
import { toAlertRule } from './to-alert-rule';

export const getAlertRule = defineOperation({
  name: 'alerts.get',
  role: 'viewer',
  input: z.strictObject({ id: z.string().max(100) }),
  async run(tx, input) {
    return toAlertRule(await findAlertRuleOrThrow(tx, input.id));
  },
});
