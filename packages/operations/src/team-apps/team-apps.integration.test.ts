import { useTestDatabase } from '@tollgate/db/testing';
import { hashApiKey } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApi } from '../apis';
import { createApp } from '../apps';
import type { Operation } from '../core/define-operation';
import { developerPrincipal, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createPlan } from '../plans';
import { createRoute } from '../routes';
import { approveSubscription, rejectSubscription } from '../subscriptions';
import { createTeam } from '../teams';
import {
  cancelTeamSubscription,
  createTeamApp,
  createTeamKey,
  deleteTeamApp,
  getTeamApp,
  listSubscribableApis,
  listTeamApps,
  listTeamNotifications,
  markNotificationsRead,
  renameTeamApp,
  revokeTeamKey,
  rollTeamKey,
  subscribeTeamApp,
} from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
let ann: Principal; // owner of acme, member of globex
let bob: Principal; // member of acme only
let eve: Principal; // owner of initech, a partner team
const run = <I extends z.ZodType, R>(who: Principal, operation: Operation<I, R>, input: unknown) => runOperation(t.db, who, operation, input);
const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;

async function developer(email: string, teams: Record<string, 'owner' | 'member'>): Promise<Principal> {
  const user = await t.db.user.create({ data: { email, name: email, passwordHash: 'x', emailVerifiedAt: new Date() } });
  for (const [slug, role] of Object.entries(teams)) {
    const team = await t.db.team.findUniqueOrThrow({ where: { slug } });
    await t.db.teamMember.create({ data: { teamId: team.id, userId: user.id, role } });
  }
  return developerPrincipal(user, '198.51.100.7');
}

beforeAll(async () => {
  for (const [slug, visibility, status] of [['weather', 'public', 'published'], ['vault', 'partner', 'published'], ['internal', 'private', 'published'], ['draft', 'public', 'draft']] as const) {
    await run(admin, createApi, { slug, name: slug, basePath: `/${slug}`, visibility, status });
  }
  await run(admin, createRoute, { apiSlug: 'weather', path: '/forecast/{city}', methods: ['GET'] });
  await run(admin, createPlan, { slug: 'free', name: 'Free', apis: ['weather', 'vault', 'internal', 'draft'] });
  await run(admin, createPlan, { slug: 'gold', name: 'Gold', apis: ['weather'], approvalRequired: true });
  await run(admin, createPlan, { slug: 'maps-only', name: 'Maps only', apis: [] });
  await run(admin, createTeam, { slug: 'acme', name: 'Acme' });
  await run(admin, createTeam, { slug: 'globex', name: 'Globex' });
  await run(admin, createTeam, { slug: 'initech', name: 'Initech', partner: true });
  await run(admin, createApp, { team: 'initech', slug: 'initech-app', name: 'Initech App' });
  ann = await developer('ann@example.com', { acme: 'owner', globex: 'member' });
  bob = await developer('bob@example.com', { acme: 'member' });
  eve = await developer('eve@example.com', { initech: 'owner' });
});

describe('apps of the caller\'s teams', () => {
  it('creates an app in a team the caller picks, renames it, and lists the teams with the caller\'s role', async () => {
    const before = await revision();
    const app = await run(ann, createTeamApp, { team: 'globex', slug: 'globex-web', name: 'Globex Web' });
    expect(app).toMatchObject({ slug: 'globex-web', team: 'globex' });
    await expect(run(ann, createTeamApp, { team: 'initech', slug: 'sneaky', name: 'Sneaky' })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'team' }] });
    await expect(run(ann, createTeamApp, { team: 'acme', slug: 'initech-app', name: 'Taken' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'slug' }] });
    expect(await run(ann, renameTeamApp, { app: 'globex-web', name: 'Globex Website', description: 'The shop' })).toMatchObject({ slug: 'globex-web', name: 'Globex Website', description: 'The shop' });
    const listed = await run(ann, listTeamApps, {});
    expect(listed.teams).toEqual([
      { slug: 'acme', name: 'Acme', role: 'owner', partner: false },
      { slug: 'globex', name: 'Globex', role: 'member', partner: false },
    ]);
    expect(listed.apps.map((each) => each.slug)).toEqual(['globex-web']);
    const audit = await t.db.auditLog.findMany({ where: { resourceId: app.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.actorType, entry.actorLabel, entry.ip])).toEqual([
      ['team_apps.create', 'developer', 'ann@example.com', '198.51.100.7'],
      ['team_apps.rename', 'developer', 'ann@example.com', '198.51.100.7'],
    ]);
    expect(await revision()).toBe(before);
  });

  it('lets only a team owner delete an app, once its subscriptions are cancelled', async () => {
    await run(bob, createTeamApp, { team: 'acme', slug: 'acme-tmp', name: 'Temporary' });
    await expect(run(bob, deleteTeamApp, { app: 'acme-tmp' })).rejects.toMatchObject({ code: 'forbidden' });
    const subscription = await run(ann, subscribeTeamApp, { app: 'acme-tmp', api: 'weather', plan: 'free' });
    await expect(run(ann, deleteTeamApp, { app: 'acme-tmp' })).rejects.toMatchObject({ code: 'conflict' });
    await run(bob, cancelTeamSubscription, { id: subscription.id });
    expect(await run(ann, deleteTeamApp, { app: 'acme-tmp' })).toMatchObject({ slug: 'acme-tmp' });
    expect(await t.db.app.count({ where: { slug: 'acme-tmp' } })).toBe(0);
  });
});

describe('subscriptions', () => {
  it('subscribes on a free plan (active) and an approval plan (pending); twice is a conflict on api; nothing is written on a refusal', async () => {
    await run(ann, createTeamApp, { team: 'acme', slug: 'acme-app', name: 'Acme App' });
    const before = await revision();
    expect(await run(bob, subscribeTeamApp, { app: 'acme-app', api: 'weather', plan: 'free' })).toMatchObject({ status: 'active', plan: 'free' });
    expect(await revision()).toBe(before + 1n);
    await expect(run(ann, subscribeTeamApp, { app: 'acme-app', api: 'weather', plan: 'gold' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'api' }] });
    await run(ann, createTeamApp, { team: 'acme', slug: 'acme-gold', name: 'Acme Gold' });
    const pending = await run(ann, subscribeTeamApp, { app: 'acme-gold', api: 'weather', plan: 'gold' });
    expect(pending).toMatchObject({ status: 'pending' });
    const detail = await run(bob, getTeamApp, { app: 'acme-gold' });
    expect(detail.subscriptions).toEqual([expect.objectContaining({ id: pending.id, status: 'pending', plan: { slug: 'gold', name: 'Gold' } })]);
    expect(await t.db.subscription.count({ where: { app: { slug: 'acme-gold' } } })).toBe(1);
  });

  it('offers and accepts only published APIs the team may see, on plans that cover them', async () => {
    expect((await run(ann, listSubscribableApis, { app: 'acme-app' })).map((api) => [api.slug, api.plans.map((plan) => plan.slug)])).toEqual([['weather', ['free', 'gold']]]);
    expect((await run(eve, listSubscribableApis, { app: 'initech-app' })).map((api) => api.slug)).toEqual(['vault', 'weather']);
    const count = await t.db.subscription.count();
    for (const api of ['vault', 'internal', 'draft', 'nope']) {
      await expect(run(ann, subscribeTeamApp, { app: 'acme-gold', api, plan: 'free' })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'api', reason: `no API "${api}" is open to your team` }] });
    }
    for (const plan of ['maps-only', 'nope']) {
      await expect(run(ann, subscribeTeamApp, { app: 'acme-app', api: 'weather', plan })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'plan' }] });
    }
    expect(await t.db.subscription.count()).toBe(count);
    expect(await run(eve, subscribeTeamApp, { app: 'initech-app', api: 'vault', plan: 'free' })).toMatchObject({ status: 'active' });
  });

  it('tells the team in a notification, written with the approval or rejection, and marks it read', async () => {
    const app = await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-gold' }, include: { subscriptions: true } });
    await run(admin, approveSubscription, { id: app.subscriptions[0]!.id });
    await run(ann, createTeamApp, { team: 'acme', slug: 'acme-rejected', name: 'Acme Rejected' });
    const refused = await run(ann, subscribeTeamApp, { app: 'acme-rejected', api: 'weather', plan: 'gold' });
    await run(admin, rejectSubscription, { id: refused.id, reason: 'No use case given' });
    const seen = await run(bob, listTeamNotifications, {});
    expect(seen.unread).toBe(2);
    expect(seen.items.map((item) => [item.kind, item.href, item.read])).toEqual([
      ['subscription.rejected', '/apps/acme-rejected', false],
      ['subscription.approved', '/apps/acme-gold', false],
    ]);
    expect(seen.items[0]!.body).toContain('No use case given');
    expect((await run(eve, listTeamNotifications, {})).items).toEqual([]);
    await expect(run(eve, markNotificationsRead, { id: seen.items[0]!.id })).rejects.toMatchObject({ code: 'not_found' });
    await run(ann, markNotificationsRead, { id: seen.items[0]!.id });
    expect((await run(bob, listTeamNotifications, {})).unread).toBe(1);
    await run(bob, markNotificationsRead, {});
    expect((await run(ann, listTeamNotifications, {})).unread).toBe(0);
  });
});

describe('keys', () => {
  it('creates a key scoped to the app, an API or a route, with an expiry in the future; the secret is answered once', async () => {
    const before = await revision();
    const key = await run(bob, createTeamKey, { app: 'acme-app', name: 'ci', environment: 'test', expiresAt: '2999-01-31' });
    expect(key).toMatchObject({ scopes: [], environment: 'test', expiresAt: '2999-01-31T23:59:59.999Z', rotatedFromId: null, state: 'active' });
    expect(key.key.startsWith(key.prefix)).toBe(true);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).hash).toBe(hashApiKey(key.key));
    expect(await revision()).toBe(before + 1n);
    expect(JSON.stringify(await run(bob, getTeamApp, { app: 'acme-app' }))).not.toContain(key.key);
    expect((await run(bob, createTeamKey, { app: 'acme-app', name: 'api', scope: 'api', api: 'weather' })).scopes).toEqual(['weather']);
    const detail = await run(bob, getTeamApp, { app: 'acme-app' });
    expect(detail.routeScopes).toEqual([{ api: 'weather', scope: 'weather:GET /forecast/{city}' }]);
    expect((await run(bob, createTeamKey, { app: 'acme-app', name: 'route', scope: 'route', route: 'weather:GET /forecast/{city}' })).scopes).toEqual(['weather:GET /forecast/{city}']);
    const keys = await t.db.apiKey.count();
    await expect(run(bob, createTeamKey, { app: 'acme-app', name: 'old', expiresAt: '2001-01-01' })).rejects.toMatchObject({ invalidParams: [{ name: 'expiresAt', reason: 'must be in the future' }] });
    await expect(run(bob, createTeamKey, { app: 'acme-app', name: 'x', scope: 'api', api: 'vault' })).rejects.toMatchObject({ invalidParams: [{ name: 'api' }] });
    await expect(run(bob, createTeamKey, { app: 'acme-app', name: 'x', scope: 'route', route: 'weather:POST /nope' })).rejects.toMatchObject({ invalidParams: [{ name: 'route' }] });
    await expect(run(bob, createTeamKey, { app: 'acme-app', name: 'x', scope: 'route' })).rejects.toMatchObject({ invalidParams: [{ name: 'route' }] });
    await expect(run(bob, createTeamKey, { app: 'acme-app', name: '' })).rejects.toMatchObject({ invalidParams: [{ name: 'name' }] });
    expect(await t.db.apiKey.count()).toBe(keys);
  });

  it('rolls a key with a grace of 0 to 7 days: the old expires at now + grace, the new names the old', async () => {
    const old = await run(ann, createTeamKey, { app: 'acme-app', name: 'deploy', scope: 'api', api: 'weather' });
    const before = Date.now();
    const rolled = await run(bob, rollTeamKey, { id: old.id, graceDays: 2 });
    expect(rolled.key).toMatchObject({ name: 'deploy', scopes: ['weather'], rotatedFromId: old.id, expiresAt: null });
    expect(rolled.key.key.startsWith(rolled.key.prefix)).toBe(true);
    const oldExpiry = Date.parse(rolled.oldKeyExpiresAt);
    expect(oldExpiry).toBeGreaterThanOrEqual(before + 2 * 86_400_000);
    expect(oldExpiry).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: old.id } })).expiresAt?.toISOString()).toBe(rolled.oldKeyExpiresAt);
    await expect(run(bob, rollTeamKey, { id: rolled.key.id, graceDays: 8 })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'graceDays', reason: 'must be at most 7 days' }] });
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: rolled.key.id } })).expiresAt).toBeNull();
    const audit = await t.db.auditLog.findMany({ where: { action: { in: ['team_keys.roll', 'team_keys.create'] }, resourceId: { in: [old.id, rolled.key.id] } }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.resourceId])).toEqual([['team_keys.create', old.id], ['team_keys.roll', old.id], ['team_keys.create', rolled.key.id]]);
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toContain(rolled.key.key);
  });

  it('revokes a key, and refuses to roll a revoked one', async () => {
    const key = await run(ann, createTeamKey, { app: 'acme-app', name: 'revoke me' });
    const revoked = await run(bob, revokeTeamKey, { id: key.id });
    expect(revoked).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    await expect(run(bob, rollTeamKey, { id: key.id, graceDays: 0 })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('isolation: another team\'s records are not_found through every operation, and never listed', () => {
  it('answers not_found to eve for acme\'s app, subscription and key by slug or id', async () => {
    const app = await run(ann, getTeamApp, { app: 'acme-app' });
    const subscriptionId = app.subscriptions[0]!.id;
    const keyId = app.keys.find((key) => key.state === 'active')!.id;
    const snapshot = async () => JSON.stringify(await Promise.all([t.db.app.findMany({ orderBy: { id: 'asc' } }), t.db.subscription.findMany({ orderBy: { id: 'asc' } }), t.db.apiKey.findMany({ orderBy: { id: 'asc' } })]));
    const before = await snapshot();
    const attempts: [Operation, unknown][] = [
      [getTeamApp, { app: 'acme-app' }],
      [listSubscribableApis, { app: 'acme-app' }],
      [renameTeamApp, { app: 'acme-app', name: 'Mine now' }],
      [deleteTeamApp, { app: 'acme-app' }],
      [subscribeTeamApp, { app: 'acme-app', api: 'vault', plan: 'free' }],
      [cancelTeamSubscription, { id: subscriptionId }],
      [createTeamKey, { app: 'acme-app', name: 'stolen' }],
      [rollTeamKey, { id: keyId, graceDays: 0 }],
      [revokeTeamKey, { id: keyId }],
    ];
    for (const [operation, input] of attempts) {
      await expect(run(eve, operation, input), operation.name).rejects.toMatchObject({ code: 'not_found', status: 404 });
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      await expect(run(eve, revokeTeamKey, { id })).rejects.toMatchObject({ code: 'not_found' });
      await expect(run(eve, cancelTeamSubscription, { id })).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await snapshot()).toBe(before);
    const eveSees = JSON.stringify(await run(eve, listTeamApps, {}));
    expect(eveSees).not.toContain('acme');
    expect((await run(eve, listTeamApps, {})).apps.map((each) => each.slug)).toEqual(['initech-app']);
    expect((await run(bob, listTeamApps, {})).apps.map((each) => each.team.slug).every((team) => team === 'acme')).toBe(true);
    await expect(run(bob, getTeamApp, { app: 'globex-web' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps admin principals out of developer operations\' reach and developers out of admin operations', async () => {
    expect((await run(admin, listTeamApps, {})).apps).toEqual([]);
    await expect(run(admin, getTeamApp, { app: 'acme-app' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(ann, createApp, { team: 'acme', slug: 'x', name: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
