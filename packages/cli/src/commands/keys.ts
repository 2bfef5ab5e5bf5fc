import type { Command } from 'commander';
import { createApiKey, revokeApiKey } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';

interface CreateFlags {
  app: string;
  api?: string[];
  name?: string;
  env: 'live' | 'test';
  expires?: string;
  json?: boolean;
}

function parseExpiry(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new TollgateError('invalid_params', {
      detail: `--expires "${value}" is not an ISO date (e.g. 2027-01-31 or 2027-01-31T12:00:00Z)`,
      invalidParams: [{ name: 'expires', reason: 'not an ISO 8601 date' }],
    });
  }
  return date;
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('create and revoke API keys');
  keys
    .command('create')
    .description('create a key for an app; the key is printed once and never stored')
    .requiredOption('--app <slug>', 'app that owns the key')
    .option('--api <slug...>', 'limit the key to these APIs')
    .option('--name <name>', 'a label to tell keys apart')
    .option('--env <env>', 'live or test', 'live')
    .option('--expires <iso>', 'expiry date (ISO 8601)')
    .option('--json', 'print {"id","key","prefix"}')
    .action(async (flags: CreateFlags) => {
      try {
        if (flags.env !== 'live' && flags.env !== 'test') {
          throw new TollgateError('invalid_params', { detail: '--env must be live or test', invalidParams: [{ name: 'env', reason: 'must be live or test' }] });
        }
        const expiresAt = parseExpiry(flags.expires);
        const created = await withDb((db) =>
          createApiKey(db, { appSlug: flags.app, apiSlugs: flags.api, name: flags.name, environment: flags.env, expiresAt }),
        );
        if (flags.json) printJson(created);
        else console.log(`${created.key}\n(id ${created.id}; shown once: store it now)`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  keys
    .command('revoke')
    .description('revoke a key at once')
    .argument('<id>', 'key id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, flags: { json?: boolean }) => {
      try {
        const revoked = await withDb((db) => revokeApiKey(db, id));
        if (flags.json) printJson(revoked);
        else console.log(`revoked ${revoked.prefix}… (${revoked.id})`);
      } catch (error) {
        reportError(error, flags);
      }
    });
}
