import type { Command } from 'commander';
import { listApiKeys, rotateApiKey } from '@tollgate/db';
import { CLI_PRINCIPAL, createKey, revokeKey, runOperation } from '@tollgate/operations';
import { callAdminApi } from '../admin-api-client';
import { throughDoor } from '../admin-door';
import { TollgateError } from '@tollgate/errors';
import { printJson, reportError } from '../output';
import { parseDateFlag } from '../parse-date-flag';
import { withDb } from '../with-db';
import { parseGrace } from './parse-grace';

interface CreateFlags {
  app: string;
  api?: string[];
  scope?: string[];
  name?: string;
  env: 'live' | 'test';
  expires?: Date;
  json?: boolean;
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('create, list, rotate and revoke API keys');
  keys
    .command('create')
    .description('create a key for an app; the key is printed once and never stored')
    .requiredOption('--app <slug>', 'app that owns the key')
    .option('--api <slug...>', 'limit the key to these APIs')
    .option('--scope <scope...>', 'limit the key to these APIs or routes ("weather" or "weather:GET /forecast/{city}")')
    .option('--name <name>', 'a label to tell keys apart')
    .option('--env <env>', 'live or test', 'live')
    .option('--expires <iso>', 'expiry date (ISO 8601)', parseDateFlag)
    .option('--json', 'print {"id","key","prefix"}')
    .action(async (flags: CreateFlags) => {
      try {
        if (flags.env !== 'live' && flags.env !== 'test') {
          throw new TollgateError('invalid_params', { detail: '--env must be live or test', invalidParams: [{ name: 'env', reason: 'must be live or test' }] });
        }
        const expiresAt = flags.expires;
        const input = { app: flags.app, name: flags.name ?? '', environment: flags.env, scopes: [...(flags.api ?? []), ...(flags.scope ?? [])], ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) };
        const created = await throughDoor(
          (db) => runOperation(db, CLI_PRINCIPAL, createKey, input),
          (target) => callAdminApi<{ id: string; key: string; prefix: string }>(target, 'POST', '/keys', input),
        );
        if (flags.json) printJson({ id: created.id, key: created.key, prefix: created.prefix });
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
        const revoked = await throughDoor(
          (db) => runOperation(db, CLI_PRINCIPAL, revokeKey, { id }),
          (target) => callAdminApi<{ id: string; prefix: string }>(target, 'POST', `/keys/${encodeURIComponent(id)}/revoke`),
        );
        if (flags.json) printJson(revoked);
        else console.log(`revoked ${revoked.prefix}… (${revoked.id})`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  keys
    .command('rotate')
    .description('replace a key: prints the new key once; the old key keeps working for the grace period')
    .argument('<id>', 'id of the key to replace')
    .option('--grace <duration>', 'how long the old key keeps working: 0, 3600s, 90m, 24h or 7d (at most 7 days)', '24h')
    .option('--json', 'print {"id","key","prefix","oldKeyExpiresAt"}')
    .action(async (id: string, flags: { grace: string; json?: boolean }) => {
      try {
        const graceSeconds = parseGrace(flags.grace);
        const rotated = await withDb((db) => rotateApiKey(db, { id, graceSeconds }));
        if (flags.json) printJson(rotated);
        else console.log(`${rotated.key}\n(id ${rotated.id}; shown once: store it now; the old key stops working at ${rotated.oldKeyExpiresAt})`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  keys
    .command('list')
    .description("list an app's keys (prefixes only: keys are never stored)")
    .requiredOption('--app <slug>', 'app that owns the keys')
    .option('--json', 'print an array of {id, prefix, name, scopes, createdAt, expiresAt, revokedAt, lastUsedAt}')
    .action(async (flags: { app: string; json?: boolean }) => {
      try {
        const list = await withDb((db) => listApiKeys(db, { appSlug: flags.app }));
        if (flags.json) {
          printJson(list);
          return;
        }
        for (const key of list) {
          const state = key.revokedAt ? `revoked ${key.revokedAt}` : key.expiresAt ? `expires ${key.expiresAt}` : 'no expiry';
          console.log(`${key.id}  ${key.prefix}…  ${key.name || '-'}  ${key.scopes.join(',') || 'all subscribed APIs'}  ${state}`);
        }
      } catch (error) {
        reportError(error, flags);
      }
    });
}
