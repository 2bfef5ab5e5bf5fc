import type { TConfigFile } from '@tollgate/contracts';
import { CLI_PRINCIPAL, applyConfigFile, exportConfigFile, runOperation, type ApplyConfigResult } from '@tollgate/operations';
import { callAdminApi } from './admin-api-client';
import { throughDoor } from './admin-door';

export interface ApplyRequest {
  config: TConfigFile;
  prune: boolean;
  dryRun: boolean;
}

/** config.apply and config.export through the admin API or the database. */
export const configDoor = {
  apply: (request: ApplyRequest): Promise<ApplyConfigResult> =>
    throughDoor(
      (db) => applyConfigFile(db, CLI_PRINCIPAL, request),
      (target) => callAdminApi<ApplyConfigResult>(target, 'POST', '/config/apply', request),
    ),
  export: (): Promise<unknown> =>
    throughDoor(
      (db) => runOperation(db, CLI_PRINCIPAL, exportConfigFile, {}),
      (target) => callAdminApi<unknown>(target, 'GET', '/config/export'),
    ),
};
