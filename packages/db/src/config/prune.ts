import type { TConfigFile } from '@tollgate/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { ChangeSet } from './change-set';

/**
 * `apply --prune`: deletes the APIs, plans, teams, apps and subscriptions the file no
 * longer names (their routes, keys and usage-free children go with them). Users and keys
 * created outside the file are kept: people and credentials are never pruned by a file.
 */
export async function pruneMissing(tx: Prisma.TransactionClient, config: TConfigFile, changes: ChangeSet): Promise<void> {
  const named = {
    apis: config.apis.map((api) => api.slug),
    plans: config.plans.map((plan) => plan.slug),
    teams: config.teams.map((team) => team.slug),
    apps: config.teams.flatMap((team) => team.apps.map((app) => app.slug)),
  };
  for (const app of await tx.app.findMany({ where: { slug: { notIn: named.apps } } })) {
    await tx.app.delete({ where: { id: app.id } });
    changes.add('delete', 'app', app.slug, app.id);
  }
  for (const app of config.teams.flatMap((team) => team.apps)) {
    const keep = app.subscriptions.map((sub) => sub.api);
    const stale = await tx.subscription.findMany({ where: { app: { slug: app.slug }, api: { slug: { notIn: keep } } }, include: { api: true } });
    for (const sub of stale) {
      await tx.subscription.delete({ where: { id: sub.id } });
      changes.add('delete', 'subscription', `${app.slug} -> ${sub.api.slug}`, sub.id);
    }
  }
  for (const team of await tx.team.findMany({ where: { slug: { notIn: named.teams } } })) {
    await tx.team.delete({ where: { id: team.id } });
    changes.add('delete', 'team', team.slug, team.id);
  }
  for (const plan of await tx.plan.findMany({ where: { slug: { notIn: named.plans } } })) {
    await tx.subscription.deleteMany({ where: { planId: plan.id } });
    await tx.plan.delete({ where: { id: plan.id } });
    changes.add('delete', 'plan', plan.slug, plan.id);
  }
  for (const api of await tx.api.findMany({ where: { slug: { notIn: named.apis } } })) {
    await tx.api.delete({ where: { id: api.id } });
    changes.add('delete', 'api', api.slug, api.id);
  }
}
