import type { TConfigFile } from '@tollgate/contracts';
import { CLI_PRINCIPAL, applyConfigFile, exportConfigFile, runOperation, type ApplyConfigResult } from '@tollgate/operations';
import { callAdminApi } from './admin-api-client';
import { adminApiTarget } from './cli-env';
import { withDb } from './with-db';

export interface ApplyRequest {
  config: TConfigFile;
  prune: boolean;
  dryRun: boolean;
}

/**
 * The config operations through whichever door the environment names: the admin API when
 * TOLLGATE_URL is set (acting as the token's owner), else the database (acting as `cli`).
 * Both run the same operations and write the same audit entries.
 */
export const configDoor = {
  apply(request: ApplyRequest): Promise<ApplyConfigResult> {
    const target = adminApiTarget();
    if (target !== null) return callAdminApi<ApplyConfigResult>(target, 'POST', '/config/apply', request);
    return withDb((db) => applyConfigFile(db, CLI_PRINCIPAL, request));
  },
  export(): Promise<unknown> {
    const target = adminApiTarget();
    if (target !== null) return callAdminApi<unknown>(target, 'GET', '/config/export');
    return withDb((db) => runOperation(db, CLI_PRINCIPAL, exportConfigFile, {}));
  },
};
