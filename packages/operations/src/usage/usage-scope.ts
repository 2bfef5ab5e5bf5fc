import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';
import { hasRole, type Principal } from '../core/principal';
import { memberTeamIds } from '../core/team-scope';

/** The rows a usage or billing read may touch. */
export interface UsageScope {
  /** Apps whose rollups and subscriptions are read; null means every app (admin principals). */
  appIds: string[] | null;
  /** One key's calls only. */
  keyId: string | null;
}

/**
 * What the caller may read, narrowed to one app and one key when asked. A developer reaches
 * the apps of their own teams; an app or key of another team is not_found, like one that
 * does not exist. Admin principals (the analytics dashboards) read every app.
 */
export async function resolveUsageScope(tx: Tx, principal: Principal, filter: { app?: string; key?: string } = {}): Promise<UsageScope> {
  const everyApp = principal.kind !== 'developer' && hasRole(principal, 'viewer');
  const teamIds = everyApp ? null : await memberTeamIds(tx, principal);
  const teamFilter = teamIds === null ? {} : { teamId: { in: teamIds } };
  let appIds: string[] | null = null;
  if (filter.app !== undefined) {
    const app = await tx.app.findFirst({ where: { slug: filter.app, ...teamFilter }, select: { id: true } });
    if (!app) throw new TollgateError('not_found', { detail: `No app with slug "${filter.app}".` });
    appIds = [app.id];
  } else if (teamIds !== null) {
    appIds = (await tx.app.findMany({ where: teamFilter, select: { id: true } })).map((app) => app.id);
  }
  if (filter.key === undefined) return { appIds, keyId: null };
  const key = await tx.apiKey.findFirst({
    where: { id: filter.key, ...(appIds === null ? {} : { appId: { in: appIds } }) },
    select: { id: true },
  });
  if (!key) throw new TollgateError('not_found', { detail: `No key with id "${filter.key}".` });
  return { appIds, keyId: key.id };
}
