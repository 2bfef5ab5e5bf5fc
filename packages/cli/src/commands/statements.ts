import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  closeDueStatements,
  listStatements,
  parsePeriodFilter,
  refreshOpenStatements,
  statementsToCsv,
  statementsToUsageRows,
  usageRowsToCsv,
  type StatementRow,
} from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';

interface ListFlags {
  app?: string;
  period?: string;
  status?: string;
  refresh: boolean;
  json?: boolean;
}

interface ExportFlags extends ListFlags {
  format: string;
  usage?: boolean;
  output?: string;
}

function parseStatus(status: string | undefined): 'open' | 'closed' | undefined {
  if (status === undefined || status === 'open' || status === 'closed') return status;
  throw new TollgateError('invalid_params', { detail: '--status must be open or closed', invalidParams: [{ name: 'status', reason: 'must be open or closed' }] });
}

/** Statements for the flags; open ones are brought up to date first unless --no-refresh. */
async function loadStatements(flags: ListFlags): Promise<StatementRow[]> {
  const period = parsePeriodFilter(flags.period);
  const status = parseStatus(flags.status);
  return withDb(async (db) => {
    if (flags.refresh) await refreshOpenStatements(db, new Date(), { appSlug: flags.app });
    return listStatements(db, { appSlug: flags.app, period, status });
  });
}

const cents = (value: string, currency: string) => `${(Number(value) / 100).toFixed(2)} ${currency.toUpperCase()}`;

function printTable(statements: StatementRow[]): void {
  if (statements.length === 0) {
    console.log('no statements');
    return;
  }
  for (const s of statements) {
    console.log(
      `${s.status.padEnd(6)} ${s.app.padEnd(18)} ${s.api.padEnd(14)} ${s.periodStart.slice(0, 16)} .. ${s.periodEnd.slice(0, 16)}  ` +
        `used ${s.usedUnits} (incl. ${s.includedUnits}, over ${s.overageUnits})  total ${cents(s.totalCents, s.currency)}  ${s.id}`,
    );
  }
}

function withFilters(command: Command): Command {
  return command
    .option('--app <slug>', 'only this app')
    .option('--period <YYYY-MM>', 'statements whose period starts in this month (subscription time zone)')
    .option('--status <status>', 'open or closed')
    .option('--no-refresh', 'do not bring the open statements up to date first');
}

export function registerStatements(program: Command): void {
  const statements = program.command('statements').description('billing statements: the live estimate of the current period and the closed ones');
  withFilters(statements.command('list').description('list statements, newest period first'))
    .option('--json', 'print an array of statements')
    .action(async (flags: ListFlags) => {
      try {
        const rows = await loadStatements(flags);
        if (flags.json) printJson(rows);
        else printTable(rows);
      } catch (error) {
        reportError(error, flags);
      }
    });
  withFilters(statements.command('export').description('export statements, or usage per period with --usage, as CSV or JSON'))
    .requiredOption('--format <format>', 'csv or json')
    .option('--usage', 'one row per API, route and weight of each period instead of one per statement')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (flags: ExportFlags) => {
      try {
        if (flags.format !== 'csv' && flags.format !== 'json') {
          throw new TollgateError('invalid_params', { detail: '--format must be csv or json', invalidParams: [{ name: 'format', reason: 'must be csv or json' }] });
        }
        const rows = await loadStatements(flags);
        const usage = flags.usage ? statementsToUsageRows(rows) : undefined;
        const text =
          flags.format === 'csv'
            ? usage ? usageRowsToCsv(usage) : statementsToCsv(rows)
            : `${JSON.stringify(usage ?? rows, null, 2)}\n`;
        if (flags.output) await writeFile(flags.output, text);
        else process.stdout.write(text);
      } catch (error) {
        reportError(error, { json: flags.format === 'json' });
      }
    });
  statements
    .command('close')
    .description('close every period that has ended now (the worker does this every minute)')
    .option('--grace <ms>', 'wait this long after a period ends', '0')
    .option('--json', 'print {"closed": [ids]}')
    .action(async (flags: { grace: string; json?: boolean }) => {
      try {
        const graceMs = Number(flags.grace);
        if (!Number.isInteger(graceMs) || graceMs < 0) {
          throw new TollgateError('invalid_params', { detail: '--grace must be a whole number of milliseconds', invalidParams: [{ name: 'grace', reason: 'not a non-negative integer' }] });
        }
        const result = await withDb((db) => closeDueStatements(db, new Date(), { graceMs }));
        if (flags.json) printJson(result);
        else console.log(`closed ${result.closed.length} statement(s)`);
      } catch (error) {
        reportError(error, flags);
      }
    });
}
