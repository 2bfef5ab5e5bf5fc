import type { Command } from 'commander';
import { DISCOVERY_KINDS, type TDiscoveredEndpoint } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { CLI_PRINCIPAL, listDiscoveredEndpoints, runOperation } from '@tollgate/operations';
import { importAccessFile } from '../discover/import-access-file';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';

interface ListFlags {
  json?: boolean;
  kind?: string;
  all?: boolean;
  orphanDays?: string;
}

export function registerDiscover(program: Command): void {
  const discover = program.command('discover').description('shadow-API discovery: endpoints called but not documented, and documented ones nobody calls');
  discover
    .command('list')
    .description('the inventory: shadow, zombie, undocumented-method and orphan endpoints')
    .option('--kind <kind>', `only this kind: ${DISCOVERY_KINDS.join(', ')}`)
    .option('--all', 'include ignored and promoted endpoints')
    .option('--orphan-days <n>', 'a documented route is an orphan after this many days without calls', '30')
    .option('--json', 'print an array of {method, path, kind, hits, host, api, firstSeenAt, lastSeenAt, statuses, consumers, flags, ...}')
    .action(async (flags: ListFlags) => {
      try {
        if (flags.kind !== undefined && !(DISCOVERY_KINDS as readonly string[]).includes(flags.kind)) {
          throw new TollgateError('invalid_params', { detail: `--kind must be one of ${DISCOVERY_KINDS.join(', ')}`, invalidParams: [{ name: 'kind', reason: 'unknown kind' }] });
        }
        const input = { kind: flags.kind, includeIgnored: flags.all === true, orphanDays: Number(flags.orphanDays) };
        const endpoints = await withDb((db) => runOperation(db, CLI_PRINCIPAL, listDiscoveredEndpoints, input));
        if (flags.json) printJson(endpoints);
        else printTable(endpoints);
      } catch (error) {
        reportError(error, flags);
      }
    });
  discover
    .command('import')
    .description('read an nginx/Apache combined log, an AWS ALB log, JSON lines ({method, path|url, status, host}) or a HAR file, streamed')
    .argument('<file>', 'the log or HAR file (format detected from its content)')
    .option('--json', 'print {file, format, records, badLines, templates, overflow, stored, newShadows}')
    .action(async (file: string, flags: { json?: boolean }) => {
      try {
        const summary = await withDb((db) => importAccessFile(db, file, (line) => console.error(line)));
        if (flags.json) printJson(summary);
        else
          console.log(
            `${summary.file} (${summary.format}): ${summary.records} requests, ${summary.badLines} bad lines, ${summary.templates} endpoints; ${summary.stored} not documented, ${summary.newShadows} new shadow endpoints${summary.overflow > 0 ? `; ${summary.overflow} requests past the template cap` : ''}`,
          );
      } catch (error) {
        reportError(error, flags);
      }
    });
}

function printTable(endpoints: readonly TDiscoveredEndpoint[]): void {
  if (endpoints.length === 0) {
    console.log('no undocumented or orphan endpoints');
    return;
  }
  for (const row of endpoints) {
    const flags = [...row.flags, row.blocked !== null ? `blocked ${row.blocked}` : '', row.ignored ? 'ignored' : ''].filter(Boolean).join(', ');
    console.log(`${row.kind.padEnd(20)} ${row.method.padEnd(7)} ${(row.host ? `${row.host}` : '') + row.path}`.padEnd(72) + `${String(row.hits).padStart(9)} hits  ${row.lastSeenAt ?? '-'}${flags ? `  (${flags})` : ''}`);
  }
}
