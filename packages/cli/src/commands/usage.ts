import type { Command } from 'commander';
import { getUsageSummary, type UsageSummary } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { printJson, reportError } from '../output';
import { parseDateFlag } from '../parse-date-flag';
import { withDb } from '../with-db';

interface UsageFlags {
  app?: string;
  api?: string;
  from?: Date;
  to?: Date;
  json?: boolean;
}

export function registerUsage(program: Command): void {
  program
    .command('usage')
    .description('what the gateways have counted (per-minute rollups): requests, billable units, breakdown by API, route and status class')
    .option('--app <slug>', 'only this app')
    .option('--api <slug>', 'only this API')
    .option('--from <iso>', 'from this time (inclusive)', parseDateFlag)
    .option('--to <iso>', 'until this time (exclusive)', parseDateFlag)
    .option('--json', 'print {requests, units, errors, bytesIn, bytesOut, latencyMs, byApi, byRoute, byStatusClass}')
    .action(async (flags: UsageFlags) => {
      try {
        const { from, to } = flags;
        if (from && to && from >= to) {
          throw new TollgateError('invalid_params', { detail: '--from must be before --to', invalidParams: [{ name: 'from', reason: 'not before --to' }] });
        }
        const summary = await withDb((db) => getUsageSummary(db, { appSlug: flags.app, apiSlug: flags.api, from, to }));
        if (flags.json) printJson(summary);
        else printTable(summary);
      } catch (error) {
        reportError(error, flags);
      }
    });
}

function printTable(summary: UsageSummary): void {
  const scope = [summary.app && `app ${summary.app}`, summary.api && `api ${summary.api}`].filter(Boolean).join(', ') || 'all apps and APIs';
  const period = `${summary.from ?? 'the beginning'} .. ${summary.to ?? 'now'}`;
  console.log(`${scope}, ${period}`);
  console.log(`requests ${summary.requests}  units ${summary.units}  errors ${summary.errors}  p50 ${summary.latencyMs.p50 ?? '-'} ms  p99 ${summary.latencyMs.p99 ?? '-'} ms`);
  for (const route of summary.byRoute) {
    console.log(`  ${route.api.padEnd(16)} ${route.route.padEnd(40)} ${String(route.requests).padStart(10)} req ${String(route.units).padStart(10)} units`);
  }
}
