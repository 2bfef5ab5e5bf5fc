import { formatIssuePath, unknownSplitVersions, type TTrafficSplit } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/**
 * A route's own split names only versions its API's targets serve (a version without
 * targets would leave its share of the calls with nowhere to go): 400 invalid_params
 * naming each field, as config apply refuses it.
 */
export async function checkRouteSplit(tx: Tx, apiId: string, split: TTrafficSplit | undefined): Promise<void> {
  if (split === undefined) return;
  const targets = await tx.upstreamTarget.findMany({ where: { upstream: { apiId } }, select: { version: true } });
  const invalidParams = unknownSplitVersions(targets, split).map((issue) => ({ name: formatIssuePath(['split', ...issue.path]), reason: issue.message }));
  if (invalidParams.length === 0) return;
  throw new TollgateError('invalid_params', { detail: invalidParams.map((param) => `${param.name}: ${param.reason}`).join('; '), invalidParams });
}
