import type { Command } from 'commander';
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, redeliverWebhook } from '@tollgate/db';
import { WEBHOOK_EVENT_TYPES } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { allowInsecureWebhooks } from '../cli-env';
import { printJson, reportError } from '../output';
import { withDb } from '../with-db';


const splitEvents = (values: string[] | undefined) => values?.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);

export function registerWebhooks(program: Command): void {
  const webhooks = program.command('webhooks').description('webhooks that receive usage records and closed statements as signed CloudEvents');
  webhooks
    .command('create')
    .description('register a webhook; its signing secret is printed once')
    .requiredOption('--url <url>', 'https URL that receives POSTed CloudEvents')
    .option('--events <types...>', `event types (default all): ${WEBHOOK_EVENT_TYPES.join(', ')}`)
    .option('--team <slug>', "only this team's records (default: every team)")
    .option('--json', 'print {"id","url","events","team","secret"}')
    .action(async (flags: { url: string; events?: string[]; team?: string; json?: boolean }) => {
      try {
        const created = await withDb((db) => createWebhook(db, { url: flags.url, events: splitEvents(flags.events), teamSlug: flags.team, allowInsecure: allowInsecureWebhooks() }));
        if (flags.json) printJson(created);
        else console.log(`webhook ${created.id} -> ${created.url}\nsigning secret (shown once, store it now): ${created.secret}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  webhooks
    .command('list')
    .description('webhooks with their pending and dead deliveries')
    .option('--json', 'machine-readable output')
    .action(async (flags: { json?: boolean }) => {
      try {
        const hooks = await withDb((db) => listWebhooks(db));
        if (flags.json) printJson(hooks);
        else if (hooks.length === 0) console.log('no webhooks');
        else for (const hook of hooks) console.log(`${hook.id}  ${hook.url}  ${hook.events.join(',') || 'all events'}  team ${hook.team ?? 'all'}  pending ${hook.pending}  dead ${hook.dead}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  webhooks
    .command('delete')
    .description('delete a webhook and its delivery history')
    .argument('<id>', 'webhook id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, flags: { json?: boolean }) => {
      try {
        const deleted = await withDb((db) => deleteWebhook(db, id));
        if (flags.json) printJson(deleted);
        else console.log(`deleted webhook ${id}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  webhooks
    .command('deliveries')
    .description('recent deliveries; --status dead lists the dead letters')
    .option('--status <status>', 'pending, delivered or dead')
    .option('--webhook <id>', 'only this webhook')
    .option('--limit <n>', 'most rows', '100')
    .option('--json', 'machine-readable output')
    .action(async (flags: { status?: string; webhook?: string; limit: string; json?: boolean }) => {
      try {
        if (flags.status !== undefined && !['pending', 'delivered', 'dead'].includes(flags.status)) {
          throw new TollgateError('invalid_params', { detail: '--status must be pending, delivered or dead', invalidParams: [{ name: 'status', reason: 'must be pending, delivered or dead' }] });
        }
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
          throw new TollgateError('invalid_params', { detail: '--limit must be 1..10000', invalidParams: [{ name: 'limit', reason: 'must be 1..10000' }] });
        }
        const rows = await withDb((db) => listWebhookDeliveries(db, { status: flags.status as 'pending' | 'delivered' | 'dead' | undefined, webhookId: flags.webhook, limit }));
        if (flags.json) printJson(rows);
        else if (rows.length === 0) console.log('no deliveries');
        else for (const row of rows) console.log(`${row.id}  ${row.status.padEnd(9)} ${row.eventType.padEnd(30)} attempts ${row.attempts}  ${row.recordId}  ${row.lastError ?? ''}`);
      } catch (error) {
        reportError(error, flags);
      }
    });
  webhooks
    .command('redeliver')
    .description('queue a delivery again now (e.g. a dead one after the receiver is fixed)')
    .argument('<id>', 'delivery id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, flags: { json?: boolean }) => {
      try {
        const result = await withDb((db) => redeliverWebhook(db, id));
        if (flags.json) printJson(result);
        else console.log(`delivery ${id} queued again`);
      } catch (error) {
        reportError(error, flags);
      }
    });
}
