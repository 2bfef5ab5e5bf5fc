import type { Command } from 'commander';
import { resetQuota, setQuotaOverride, type QuotaState } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';

interface QuotaFlags {
  app: string;
  api: string;
  json?: boolean;
}

function parseRequests(value: string): number | null {
  if (value === 'plan' || value === 'null') return null;
  if (!/^\d+$/.test(value)) {
    throw new TollgateError('invalid_params', {
      detail: `--requests "${value}" must be a whole number, or "plan" to go back to the plan's quota`,
      invalidParams: [{ name: 'requests', reason: 'must be an integer >= 0 or "plan"' }],
    });
  }
  return Number(value);
}

function print(state: QuotaState, flags: QuotaFlags, what: string): void {
  if (flags.json) {
    printJson(state);
    return;
  }
  const quota = state.quotaOverride ?? state.planQuota;
  const period = state.per === null ? '' : ` per ${state.per}`;
  console.log(`${flags.app} → ${flags.api}: ${what}; quota ${quota === null ? 'none' : `${quota}${period}`}${state.quotaOverride !== null ? ' (override)' : ''} (revision ${state.revision})`);
}

export function registerQuota(program: Command): void {
  const quota = program.command('quota').description("reset or raise a subscription's quota; gateways apply it at once");
  quota
    .command('reset')
    .description('start the current period afresh from now (e.g. when an invoice is paid)')
    .requiredOption('--app <slug>', 'subscribed app')
    .requiredOption('--api <slug>', 'API subscribed to')
    .option('--json', 'machine-readable output')
    .action(async (flags: QuotaFlags) => {
      try {
        const state = await withDb((db) => resetQuota(db, { appSlug: flags.app, apiSlug: flags.api }));
        print(state, flags, `quota reset at ${state.quotaResetAt?.toISOString()}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  quota
    .command('set')
    .description("replace the plan's quota for one subscription")
    .requiredOption('--app <slug>', 'subscribed app')
    .requiredOption('--api <slug>', 'API subscribed to')
    .requiredOption('--requests <n>', 'units per period, or "plan" to go back to the plan\'s quota')
    .option('--json', 'machine-readable output')
    .action(async (flags: QuotaFlags & { requests: string }) => {
      try {
        const requests = parseRequests(flags.requests);
        const state = await withDb((db) => setQuotaOverride(db, { appSlug: flags.app, apiSlug: flags.api, requests }));
        print(state, flags, requests === null ? "back to the plan's quota" : `quota set to ${requests}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
}
