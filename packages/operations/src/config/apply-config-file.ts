import { z } from 'zod';
import { ZConfigFile } from '@tollgate/contracts';
import { APPLY_TIMEOUT_MS, applyConfigInTransaction, resolveOpenApiDocuments, type Change, type Db } from '@tollgate/db';
import { defineOperation, type OperationMeta } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { checkTargetHosts } from '../upstreams/check-target-hosts';

export const ZApplyConfigRequest = z.strictObject({
  config: ZConfigFile,
  /** Delete what the file no longer names. */
  prune: z.boolean().default(false),
  /** Compute the changes and write nothing (`diff`). */
  dryRun: z.boolean().default(false),
});

export interface ApplyConfigResult {
  changes: Change[];
  revision: string;
  dryRun: boolean;
}

/** Carries a dry run's changes out of the transaction it rolls back. */
class DryRun extends Error {
  constructor(readonly result: ApplyConfigResult) {
    super('dry run');
  }
}

/** Changes named in the audit entry; the rest are counted. */
const AUDITED_CHANGES = 200;

export const applyConfigOperation = defineOperation({
  name: 'config.apply',
  role: 'admin',
  input: ZApplyConfigRequest,
  audit: { resourceType: 'config' },
  timeoutMs: APPLY_TIMEOUT_MS,
  async run(tx, input, ctx) {
    // Files are read by the caller (the CLI inlines them); the server never reads a path it is sent.
    for (const [index, api] of input.config.apis.entries()) await checkTargetHosts(api.upstream.targets, (target) => `config.apis[${index}].upstream.targets[${target}].url`);
    const documents = await resolveOpenApiDocuments(input.config, null);
    const { changes, revision } = await applyConfigInTransaction(tx, input.config, documents, { prune: input.prune });
    const result = { changes, revision, dryRun: input.dryRun };
    if (input.dryRun) throw new DryRun(result);
    ctx.audit({
      resourceId: null,
      after: { revision, prune: input.prune, changeCount: changes.length, changes: changes.slice(0, AUDITED_CHANGES).map((change) => `${change.action} ${change.kind} ${change.name}`) },
    });
    return result;
  },
});

/**
 * `apply` and `diff` of a config file for every door (CLI on the database, admin API): one
 * transaction with the audit entry; a dry run rolls it back and returns what would change.
 */
export async function applyConfigFile(db: Db, principal: Principal, input: unknown, meta: OperationMeta = {}): Promise<ApplyConfigResult> {
  try {
    return await runOperation(db, principal, applyConfigOperation, input, meta);
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

export const ZApplyConfigResult = z.strictObject({
  changes: z.array(z.strictObject({ action: z.enum(['create', 'update', 'delete']), kind: z.string(), name: z.string(), id: z.string().optional() })),
  revision: z.string(),
  dryRun: z.boolean(),
});
