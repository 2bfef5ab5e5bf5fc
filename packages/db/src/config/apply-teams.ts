import { TollgateError } from '@tollgate/errors';
import type { TConfigApp, TConfigTeam } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import { applyKeys } from './apply-keys';
import { differs, type ChangeSet } from './change-set';
import type { SlugResolver } from './slug-resolver';

function invalid(name: string, reason: string): TollgateError {
  return new TollgateError('invalid_params', { detail: `${name}: ${reason}`, invalidParams: [{ name, reason }] });
}

/** Upserts teams by slug with their members, apps, subscriptions and keys. */
export async function applyTeams(
  tx: Prisma.TransactionClient,
  teams: TConfigTeam[],
  resolve: SlugResolver,
  changes: ChangeSet,
): Promise<void> {
  for (const [teamIndex, team] of teams.entries()) {
    const at = `teams[${teamIndex}]`;
    const existing = await tx.team.findUnique({ where: { slug: team.slug } });
    let teamId = existing?.id;
    if (!existing) {
      teamId = (await tx.team.create({ data: { slug: team.slug, name: team.name } })).id;
      changes.add('create', 'team', team.slug, teamId);
    } else if (existing.name !== team.name) {
      await tx.team.update({ where: { id: existing.id }, data: { name: team.name } });
      changes.add('update', 'team', team.slug, existing.id);
    }
    for (const [memberIndex, member] of team.members.entries()) {
      const userId = await resolve.user(member.email, `${at}.members[${memberIndex}].email`);
      const current = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: teamId!, userId } } });
      if (current?.role === member.role) continue;
      await tx.teamMember.upsert({
        where: { teamId_userId: { teamId: teamId!, userId } },
        create: { teamId: teamId!, userId, role: member.role },
        update: { role: member.role },
      });
      changes.add(current ? 'update' : 'create', 'member', `${team.slug} ${member.email}`, userId);
    }
    for (const [appIndex, app] of team.apps.entries()) {
      await applyApp(tx, teamId!, team.slug, app, `${at}.apps[${appIndex}]`, resolve, changes);
    }
  }
}

async function applyApp(
  tx: Prisma.TransactionClient,
  teamId: string,
  teamSlug: string,
  app: TConfigApp,
  at: string,
  resolve: SlugResolver,
  changes: ChangeSet,
): Promise<void> {
  const data = { name: app.name, description: app.description };
  const existing = await tx.app.findUnique({ where: { slug: app.slug }, include: { team: { select: { slug: true } } } });
  if (existing && existing.teamId !== teamId) {
    throw invalid(`${at}.slug`, `app "${app.slug}" already belongs to team "${existing.team.slug}", not "${teamSlug}"`);
  }
  let appId = existing?.id;
  if (!existing) {
    appId = (await tx.app.create({ data: { slug: app.slug, teamId, ...data } })).id;
    changes.add('create', 'app', app.slug, appId);
  } else if (differs(existing, data)) {
    await tx.app.update({ where: { id: existing.id }, data });
    changes.add('update', 'app', app.slug, existing.id);
  }
  for (const [index, subscription] of app.subscriptions.entries()) {
    const subAt = `${at}.subscriptions[${index}]`;
    const apiId = await resolve.api(subscription.api, `${subAt}.api`);
    const planId = await resolve.plan(subscription.plan, `${subAt}.plan`);
    const covered = await tx.planApi.findUnique({ where: { planId_apiId: { planId, apiId } } });
    if (!covered) throw invalid(`${subAt}.plan`, `plan "${subscription.plan}" does not include api "${subscription.api}"`);
    const current = await tx.subscription.findUnique({ where: { appId_apiId: { appId: appId!, apiId } } });
    const wanted = { planId, status: subscription.status };
    if (!current) {
      const created = await tx.subscription.create({ data: { appId: appId!, apiId, ...wanted } });
      changes.add('create', 'subscription', `${app.slug} -> ${subscription.api} (${subscription.plan})`, created.id);
    } else if (differs(current, wanted)) {
      await tx.subscription.update({ where: { id: current.id }, data: wanted });
      changes.add('update', 'subscription', `${app.slug} -> ${subscription.api} (${subscription.plan})`, current.id);
    }
  }
  await applyKeys(tx, appId!, app, at, changes);
}
