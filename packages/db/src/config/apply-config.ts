import type { TConfigFile } from '@tollgate/contracts';
import type { Db } from '../client/create-db';
import { applyApis } from './apply-apis';
import { applyJwt } from './apply-jwt';
import { applyPlans } from './apply-plans';
import { applyTeams } from './apply-teams';
import { applyUsers } from './apply-users';
import { bumpConfigRevision } from './bump-config-revision';
import { checkAnonymousPlans } from './check-anonymous-plans';
import { checkRouteBackends } from './check-route-backends';
import { checkGrpcBackends, inlineGrpcProtos } from './grpc-protos';
import { ChangeSet, type Change } from './change-set';
import { pruneMissing } from './prune';
import { resolveOpenApiDocuments, type OpenApiDocuments } from './resolve-openapi';
import type { Prisma } from '../generated/prisma/client';
import { SlugResolver } from './slug-resolver';

export interface ApplyOptions {
  /** Folder that relative paths in the file (openapi) are resolved against; null: documents must be inline. */
  baseDir: string | null;
  prune?: boolean;
  /** Validate and compute the changes, then roll back. */
  dryRun?: boolean;
}

export interface ApplyResult {
  changes: Change[];
  /** The config revision after the apply (unchanged when nothing changed). */
  revision: string;
  dryRun: boolean;
}

class DryRunRollback extends Error {}

/**
 * Writes a validated config file in one transaction, keyed by slugs: running it twice
 * changes nothing the second time. Throws TollgateError('invalid_params') with the field
 * path for references that do not resolve; nothing is written then.
 */
export async function applyConfig(db: Db, file: TConfigFile, options: ApplyOptions): Promise<ApplyResult> {
  const config = await inlineGrpcProtos(file, options.baseDir);
  const documents = await resolveOpenApiDocuments(config, options.baseDir);
  let result: ApplyResult | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        result = { ...(await applyConfigInTransaction(tx, config, documents, options)), dryRun: Boolean(options.dryRun) };
        if (options.dryRun) throw new DryRunRollback();
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return result!;
}

/** Long enough for 100,000 keys on a slow disk. */
export const APPLY_TIMEOUT_MS = 120_000;

/**
 * The body of an apply inside the caller's transaction (the operations layer's, which
 * adds the audit entry): serialised with other applies, bumps the revision once when
 * anything changed. `documents` are the OpenAPI documents the file names, already read.
 */
export async function applyConfigInTransaction(
  tx: Prisma.TransactionClient,
  config: TConfigFile,
  documents: OpenApiDocuments,
  options: { prune?: boolean },
): Promise<{ changes: Change[]; revision: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tollgate_apply'))`;
  const changes = new ChangeSet();
  const resolve = new SlugResolver(tx);
  await applyUsers(tx, config.users, changes);
  resolve.rememberApis(await applyApis(tx, config.apis, documents, changes));
  await applyPlans(tx, config.plans, resolve, changes);
  await applyTeams(tx, config.teams, resolve, changes);
  await applyJwt(tx, config, resolve, changes);
  if (options.prune) await pruneMissing(tx, config, changes);
  await checkAnonymousPlans(config, resolve);
  await checkRouteBackends(config, resolve);
  checkGrpcBackends(config);
  const revision = changes.size ? await bumpConfigRevision(tx, changes.changes) : (await tx.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
  return { changes: changes.changes, revision: revision.toString() };
}
