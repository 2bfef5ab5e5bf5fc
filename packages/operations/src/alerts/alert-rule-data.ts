import type { TCreateAlertRuleRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/** The stored columns of a checked rule: the API slug and the subscription id resolved, unknown ones named in invalid_params. */
export async function alertRuleData(tx: Tx, rule: TCreateAlertRuleRequest) {
  const invalidParams: { name: string; reason: string }[] = [];
  let apiId: string | null = null;
  if (rule.api) {
    const api = await tx.api.findUnique({ where: { slug: rule.api }, select: { id: true } });
    if (api) apiId = api.id;
    else invalidParams.push({ name: 'api', reason: `no API with slug "${rule.api}"` });
  }
  if (rule.subscription && !(await tx.subscription.findUnique({ where: { id: rule.subscription }, select: { id: true } }))) {
    invalidParams.push({ name: 'subscription', reason: 'no subscription with this id' });
  }
  if (invalidParams.length) throw new TollgateError('invalid_params', { invalidParams });
  return {
    name: rule.name,
    metric: rule.metric,
    apiId,
    subscriptionId: rule.subscription ?? null,
    threshold: rule.threshold,
    windowMinutes: rule.windowMinutes,
    webhook: rule.webhook,
    mailTo: [...new Set(rule.mailTo.map((address) => address.toLowerCase()))],
  };
}
