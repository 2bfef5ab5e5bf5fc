import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../apis';
import { createApp } from '../apps';
import type { z } from 'zod';
import type { Operation } from '../core/define-operation';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createPlan } from '../plans';
import { createTeam } from '../teams';
import { approveSubscription, cancelSubscription, createSubscription, getSubscription, listSubscriptions, moveSubscription, rejectSubscription, resetSubscriptionQuota, resumeSubscription, suspendSubscription } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };
const run = <I extends z.ZodType, R>(operation: Operation<I, R>, input: unknown, who: Principal = admin) => runOperation(t.db, who, operation, input);
const revision = async () => (await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision;
const audits = (resourceId: string) => t.db.auditLog.findMany({ where: { resourceId }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  for (const [slug, visibility] of [['weather', 'public'], ['vault', 'partner'], ['internal', 'private']] as const) {
    await runOperation(t.db, admin, createApi, { slug, name: slug, basePath: `/${slug}`, visibility, status: 'published' });
  }
  await runOperation(t.db, admin, createPlan, { slug: 'free', name: 'Free', apis: ['weather', 'vault', 'internal'] });
  await runOperation(t.db, admin, createPlan, { slug: 'gold', name: 'Gold', apis: ['weather', 'vault'], approvalRequired: true, quota: { requests: 100, per: 'month' } });
  await runOperation(t.db, admin, createPlan, { slug: 'other', name: 'Other', apis: [] });
  await runOperation(t.db, admin, createTeam, { slug: 'acme', name: 'Acme' });
  await runOperation(t.db, admin, createTeam, { slug: 'partnerco', name: 'PartnerCo', partner: true });
  for (const [slug, team] of [['acme-app', 'acme'], ['acme-two', 'acme'], ['partner-app', 'partnerco']]) {
    await runOperation(t.db, admin, createApp, { slug, name: slug, team });
  }
});

describe('subscription operations', () => {
  it('starts pending on a plan with approvalRequired, is approved to active, and tells the gateway each time', async () => {
    const before = await revision();
    const pending = await run(createSubscription, { app: 'acme-app', api: 'weather', plan: 'gold' });
    expect(pending).toMatchObject({ app: 'acme-app', team: 'acme', api: 'weather', plan: 'gold', status: 'pending', statusReason: null });
    expect(await revision()).toBe(before + 1n);
    const active = await run(approveSubscription, { id: pending.id });
    expect(active).toMatchObject({ id: pending.id, status: 'active' });
    expect(await revision()).toBe(before + 2n);
    await expect(run(approveSubscription, { id: pending.id })).rejects.toMatchObject({ code: 'conflict' });
    expect((await audits(pending.id)).map((entry) => [entry.action, entry.resourceType])).toEqual([
      ['subscriptions.create', 'subscription'],
      ['subscriptions.approve', 'subscription'],
    ]);
  });

  it('starts active on a plan without approval; suspends, resumes, moves plan, resets quota and cancels', async () => {
    const sub = await run(createSubscription, { app: 'acme-two', api: 'weather', plan: 'free' });
    expect(sub.status).toBe('active');
    expect(await run(suspendSubscription, { id: sub.id, reason: 'unpaid invoice' })).toMatchObject({ status: 'suspended', statusReason: 'unpaid invoice' });
    expect(await run(resumeSubscription, { id: sub.id })).toMatchObject({ status: 'active', statusReason: null });
    expect(await run(moveSubscription, { id: sub.id, plan: 'gold' })).toMatchObject({ plan: 'gold', status: 'active' });
    await expect(run(moveSubscription, { id: sub.id, plan: 'other' })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'plan' }] });
    const rev = await revision();
    const reset = await run(resetSubscriptionQuota, { id: sub.id });
    expect(reset.quotaResetAt).not.toBeNull();
    expect(await revision()).toBe(rev + 1n);
    expect(await run(cancelSubscription, { id: sub.id })).toMatchObject({ status: 'cancelled' });
    await expect(run(suspendSubscription, { id: sub.id })).rejects.toMatchObject({ code: 'conflict' });
    // A cancelled subscription opens again on a new create.
    expect(await run(createSubscription, { app: 'acme-two', api: 'weather', plan: 'free' })).toMatchObject({ id: sub.id, status: 'active', plan: 'free', quotaResetAt: null });
    expect((await audits(sub.id)).map((entry) => entry.action)).toEqual([
      'subscriptions.create', 'subscriptions.suspend', 'subscriptions.resume', 'subscriptions.move', 'subscriptions.reset_quota', 'subscriptions.cancel', 'subscriptions.create',
    ]);
  });

  it('rejects a pending request with a reason and refuses a reject without one', async () => {
    const pending = await run(createSubscription, { app: 'partner-app', api: 'weather', plan: 'gold' });
    await expect(run(rejectSubscription, { id: pending.id })).rejects.toMatchObject({ code: 'invalid_params', invalidParams: [{ name: 'reason' }] });
    const rejected = await run(rejectSubscription, { id: pending.id, reason: 'No use case given' });
    expect(rejected).toMatchObject({ status: 'cancelled', statusReason: 'No use case given' });
  });

  it('lets only partner teams subscribe to partner APIs, and admins to private ones', async () => {
    await expect(run(createSubscription, { app: 'acme-app', api: 'vault', plan: 'free' })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'api', reason: 'is for partners only and team "acme" is not a partner' }],
    });
    expect(await t.db.subscription.count({ where: { api: { slug: 'vault' } } })).toBe(0);
    expect(await run(createSubscription, { app: 'partner-app', api: 'vault', plan: 'free' })).toMatchObject({ status: 'active' });
    expect(await run(createSubscription, { app: 'acme-app', api: 'internal', plan: 'free' })).toMatchObject({ status: 'active' });
    await expect(run(createSubscription, { app: 'acme-app', api: 'weather', plan: 'free' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(run(createSubscription, { app: 'acme-app', api: 'nope', plan: 'free' })).rejects.toMatchObject({ invalidParams: [{ name: 'api' }] });
  });

  it('lists pending first, pages with a cursor, filters, and refuses a viewer write and a missing id', async () => {
    const fresh = await run(createSubscription, { app: 'partner-app', api: 'weather', plan: 'gold' });
    expect(fresh).toMatchObject({ status: 'pending' });
    const first = (await run(listSubscriptions, { limit: 2 }, viewer)) as { items: { id: string; status: string }[]; next_cursor: string };
    expect(first.items[0]).toMatchObject({ id: fresh.id, status: 'pending' });
    const ids = first.items.map((item) => item.id);
    let cursor: string | null = first.next_cursor;
    while (cursor) {
      const page = (await run(listSubscriptions, { limit: 2, cursor }, viewer)) as { items: { id: string }[]; next_cursor: string | null };
      ids.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    }
    expect(new Set(ids).size).toBe(await t.db.subscription.count());
    expect(((await run(listSubscriptions, { status: 'pending' }, viewer)) as { items: unknown[] }).items).toHaveLength(1);
    expect(((await run(listSubscriptions, { team: 'partnerco', api: 'vault' }, viewer)) as { items: unknown[] }).items).toHaveLength(1);
    await expect(run(approveSubscription, { id: fresh.id }, viewer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(run(getSubscription, { id: '00000000-0000-4000-8000-000000000000' }, viewer)).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(getSubscription, { id: 'nope' }, viewer)).rejects.toMatchObject({ code: 'not_found' });
  });
});
