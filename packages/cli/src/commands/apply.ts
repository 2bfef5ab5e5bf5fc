import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { ApplyConfigResult } from '@tollgate/operations';
import { configDoor } from '../config-door';
import { inlineOpenApiDocuments } from '../inline-openapi-documents';
import { loadConfigFile } from '../load-config-file';
import { printJson, reportError } from '../output';

const SIGN = { create: '+', update: '~', delete: '-' } as const;

function printChanges(result: ApplyConfigResult): void {
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
    const result = await configDoor.apply({ config: await inlineOpenApiDocuments(config, baseDir), prune: Boolean(flags.prune), dryRun });
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
  program
    .command('export')
    .description('print the whole config as a file that `apply` takes back unchanged (keys as hashes, no secrets)')
    .option('--json', 'JSON instead of YAML')
    .action(async (flags: { json?: boolean }) => {
      try {
        const exported = await configDoor.export();
        if (flags.json) printJson(exported);
        else process.stdout.write(stringify(exported, { lineWidth: 0 }));
      } catch (error) {
        reportError(error, flags);
      }
    });
}
