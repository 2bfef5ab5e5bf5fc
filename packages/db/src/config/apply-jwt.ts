import { TollgateError } from '@tollgate/errors';
import type { TConfigFile, TJwtIssuer } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import { differs, type ChangeSet } from './change-set';
import type { SlugResolver } from './slug-resolver';

function invalid(name: string, reason: string): TollgateError {
  return new TollgateError('invalid_params', { detail: `${name}: ${reason}`, invalidParams: [{ name, reason }] });
}

const issuerData = (issuer: TJwtIssuer) => ({
  audience: issuer.audience,
  jwksUrl: issuer.jwksUrl ?? null,
  publicKeyPem: issuer.publicKeyPem ?? null,
  algorithms: issuer.algorithms,
  appClaim: issuer.appClaim,
  clockSkewSeconds: issuer.clockSkewSeconds,
});

/**
 * Writes JWT issuers (`apis[].jwt`) and token clients (`teams[].apps[].jwtClients`). For
 * every API and app the file names, its list is the whole truth, as with routes: issuers
 * and clients it no longer lists are removed.
 */
export async function applyJwt(tx: Prisma.TransactionClient, config: TConfigFile, resolve: SlugResolver, changes: ChangeSet): Promise<void> {
  for (const api of config.apis) {
    const apiId = await resolve.api(api.slug, 'apis');
    const existing = await tx.jwtIssuer.findMany({ where: { apiId } });
    const wanted = new Set(api.jwt.map((issuer) => issuer.issuer));
    for (const issuer of existing) {
      if (wanted.has(issuer.issuer)) continue;
      await tx.jwtIssuer.delete({ where: { id: issuer.id } });
      changes.add('delete', 'jwt_issuer', `${api.slug} ${issuer.issuer}`, issuer.id);
    }
    for (const issuer of api.jwt) {
      const data = issuerData(issuer);
      const current = existing.find((row) => row.issuer === issuer.issuer);
      if (!current) {
        const created = await tx.jwtIssuer.create({ data: { apiId, issuer: issuer.issuer, ...data } });
        changes.add('create', 'jwt_issuer', `${api.slug} ${issuer.issuer}`, created.id);
      } else if (differs(current, data)) {
        await tx.jwtIssuer.update({ where: { id: current.id }, data });
        changes.add('update', 'jwt_issuer', `${api.slug} ${issuer.issuer}`, current.id);
      }
    }
  }

  for (const [teamIndex, team] of config.teams.entries()) {
    for (const [appIndex, app] of team.apps.entries()) {
      const at = `teams[${teamIndex}].apps[${appIndex}].jwtClients`;
      const appId = (await tx.app.findUniqueOrThrow({ where: { slug: app.slug }, select: { id: true } })).id;
      const wantedIds = new Set<string>();
      for (const [index, client] of app.jwtClients.entries()) {
        const apiId = await resolve.api(client.api, `${at}[${index}].api`);
        const issuer = await tx.jwtIssuer.findUnique({ where: { apiId_issuer: { apiId, issuer: client.issuer } } });
        if (!issuer) throw invalid(`${at}[${index}].issuer`, `api "${client.api}" has no jwt issuer "${client.issuer}"`);
        const name = `${app.slug} <- ${client.api} ${client.issuer} ${client.subject}`;
        const current = await tx.jwtClient.findUnique({ where: { issuerId_subject: { issuerId: issuer.id, subject: client.subject } } });
        if (current && current.appId !== appId) throw invalid(`${at}[${index}].subject`, `subject "${client.subject}" already acts as another app`);
        if (current) {
          wantedIds.add(current.id);
          continue;
        }
        const created = await tx.jwtClient.create({ data: { issuerId: issuer.id, appId, subject: client.subject } });
        wantedIds.add(created.id);
        changes.add('create', 'jwt_client', name, created.id);
      }
      const stale = await tx.jwtClient.findMany({ where: { appId, id: { notIn: [...wantedIds] } }, include: { issuer: { select: { issuer: true } } } });
      for (const client of stale) {
        await tx.jwtClient.delete({ where: { id: client.id } });
        changes.add('delete', 'jwt_client', `${app.slug} <- ${client.issuer.issuer} ${client.subject}`, client.id);
      }
    }
  }
}
