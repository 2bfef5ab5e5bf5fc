import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { ALERT_RULE_INCLUDE, type AlertRuleWithNames } from './to-alert-rule';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An alert rule by id; an id that is not a UUID is as missing as an unknown one (404). */
export async function findAlertRuleOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<AlertRuleWithNames> {
  const missing = () => new TollgateError('not_found', { detail: 'No alert rule with this id.' });
  if (!UUID.test(id)) throw missing();
  if (options.forUpdate) await tx.$queryRaw`SELECT 1 FROM "alert_rules" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await tx.alertRule.findUnique({ where: { id }, include: ALERT_RULE_INCLUDE });
  if (!row) throw missing();
  return row;
}
