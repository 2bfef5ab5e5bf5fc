import type { Command } from 'commander';
import { CLI_PRINCIPAL, createAdminToken, listAdminTokens, revokeAdminToken, runOperation } from '@tollgate/operations';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';

interface CreateFlags {
  name: string;
  role: string;
  expires?: string;
  json?: boolean;
}

/** `tollgate admin-tokens create|list|revoke`: the same operations as the admin API, acting as `cli`. */
export function registerAdminTokens(program: Command): void {
  const tokens = program.command('admin-tokens').description('create, list and revoke personal admin API tokens');
  tokens
    .command('create')
    .description('create an admin token; it is printed once and only its hash is stored')
    .requiredOption('--name <name>', 'a label to tell tokens apart')
    .option('--role <role>', 'owner, admin or viewer', 'admin')
    .option('--expires <iso>', 'expiry (ISO 8601 with an offset, e.g. 2027-01-31T00:00:00Z)')
    .option('--json', 'print {"id","token"}')
    .action(async (flags: CreateFlags) => {
      try {
        const input = { name: flags.name, role: flags.role, ...(flags.expires ? { expiresAt: flags.expires } : {}) };
        const created = await withDb((db) => runOperation(db, CLI_PRINCIPAL, createAdminToken, input));
        if (flags.json) printJson({ id: created.id, token: created.token });
        else console.log(`${created.token}\n(id ${created.id}, role ${created.role}; shown once: store it now)`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  tokens
    .command('list')
    .description('list admin tokens (never the tokens themselves)')
    .option('--json', 'machine-readable output')
    .action(async (flags: { json?: boolean }) => {
      try {
        const page = await withDb((db) => runOperation(db, CLI_PRINCIPAL, listAdminTokens, { limit: 100 }));
        if (flags.json) printJson(page.items);
        else for (const token of page.items) console.log(`${token.id}  ${token.prefix}…  ${token.role.padEnd(6)}  ${token.revokedAt ? 'revoked' : 'active '}  ${token.name}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  tokens
    .command('revoke')
    .description('revoke an admin token at once')
    .argument('<id>', 'token id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, flags: { json?: boolean }) => {
      try {
        const revoked = await withDb((db) => runOperation(db, CLI_PRINCIPAL, revokeAdminToken, { id }));
        if (flags.json) printJson(revoked);
        else console.log(`revoked ${revoked.prefix}… (${revoked.id})`);
      } catch (error) {
        reportError(error, flags);
      }
    });
}
