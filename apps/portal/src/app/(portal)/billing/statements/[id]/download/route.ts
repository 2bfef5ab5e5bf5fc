import { ZStatementFormat } from '@tollgate/contracts';
import { statementsToUsageRows, usageRowsToCsv } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { getTeamStatement } from '@tollgate/operations';
import { developerRoute, downloadResponse } from '@/lib/developer-route';

/** One statement of the caller's teams, `?format=csv` (its line items) or `json` (the whole statement). */
export const GET = developerRoute<{ id: string }>(async ({ url, params, run }) => {
  const format = ZStatementFormat.safeParse(url.searchParams.get('format') ?? 'csv');
  if (!format.success) throw new TollgateError('invalid_params', { invalidParams: [{ name: 'format', reason: 'must be csv or json' }] });
  const statement = await run(getTeamStatement, { id: params.id });
  const name = `statement-${statement.app}-${statement.periodStart.slice(0, 10)}`;
  if (format.data === 'json') return downloadResponse(`${JSON.stringify(statement, null, 2)}\n`, 'application/json', `${name}.json`);
  return downloadResponse(usageRowsToCsv(statementsToUsageRows([statement])), 'text/csv; charset=utf-8', `${name}.csv`);
});
