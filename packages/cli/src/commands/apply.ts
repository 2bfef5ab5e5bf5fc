import type { Command } from 'commander';
import { applyConfig, type ApplyResult } from '@tollgate/db';
import { loadConfigFile } from '../load-config-file';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';

const SIGN = { create: '+', update: '~', delete: '-' } as const;

function printChanges(result: ApplyResult): void {
  for (const change of result.changes) console.log(`${SIGN[change.action]} ${change.kind} ${change.name}`);
  const verb = result.dryRun ? 'would apply' : 'applied';
  console.log(result.changes.length ? `${verb} ${result.changes.length} change(s); config revision ${result.revision}` : `no changes; config revision ${result.revision}`);
}

interface ApplyFlags {
  file: string;
  prune?: boolean;
  json?: boolean;
}

async function run(flags: ApplyFlags, dryRun: boolean): Promise<void> {
  try {
    const { config, baseDir } = await loadConfigFile(flags.file);
    const result = await withDb((db) => applyConfig(db, config, { baseDir, prune: flags.prune, dryRun }));
    if (flags.json) printJson(result);
    else printChanges(result);
  } catch (error) {
    reportError(error, flags);
  }
}

export function registerApply(program: Command): void {
  program
    .command('apply')
    .description('apply a declarative config file (idempotent; prints what changed)')
    .requiredOption('-f, --file <file>', 'YAML config file')
    .option('--prune', 'delete APIs, plans, teams, apps and subscriptions the file no longer names')
    .option('--json', 'machine-readable output')
    .action((flags: ApplyFlags) => run(flags, false));
  program
    .command('diff')
    .description('show what `apply` would change, without changing anything')
    .requiredOption('-f, --file <file>', 'YAML config file')
    .option('--prune', 'include deletions of what the file no longer names')
    .option('--json', 'machine-readable output')
    .action((flags: ApplyFlags) => run(flags, true));
}
