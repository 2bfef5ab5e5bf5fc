import type { StatementLineItem } from '@tollgate/domain';
import type { StatementRow } from './list-statements';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading text is defused. */
function field(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV lines, each ending in CRLF: a file written piece by piece joins these. */
export function csvLines(rows: unknown[][]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return csvLines([header, ...rows]);
}

const STATEMENT_COLUMNS = [
  'id', 'status', 'team', 'app', 'api', 'plan', 'periodStart', 'periodEnd', 'currency', 'includedUnits', 'usedUnits',
  'overageUnits', 'baseCents', 'overageCents', 'totalCents', 'computedAt', 'closedAt',
] as const satisfies readonly (keyof StatementRow)[];

/** One row per statement. */
export function statementsToCsv(statements: StatementRow[]): string {
  return toCsv([...STATEMENT_COLUMNS], statements.map((statement) => STATEMENT_COLUMNS.map((column) => statement[column])));
}

export interface UsageRow {
  statementId: string;
  status: string;
  team: string;
  app: string;
  api: string;
  route: string;
  weight: number | null;
  periodStart: string;
  periodEnd: string;
  requests: string;
  units: string;
  overageCents: string;
}

/** Usage per period: one row per statement line item (API, route, weight). */
export function statementsToUsageRows(statements: StatementRow[]): UsageRow[] {
  return statements.flatMap((statement) =>
    ((statement.lineItems ?? []) as StatementLineItem[]).map((item) => ({
      statementId: statement.id,
      status: statement.status,
      team: statement.team,
      app: statement.app,
      api: item.apiSlug ?? statement.api,
      route: item.routeKey,
      weight: item.weight,
      periodStart: statement.periodStart,
      periodEnd: statement.periodEnd,
      requests: item.requests,
      units: item.units,
      overageCents: item.overageCents,
    })),
  );
}

export function usageRowsToCsv(rows: UsageRow[]): string {
  const columns = ['statementId', 'status', 'team', 'app', 'api', 'route', 'weight', 'periodStart', 'periodEnd', 'requests', 'units', 'overageCents'] as const;
  return toCsv([...columns], rows.map((row) => columns.map((column) => row[column])));
}
