import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { createApp, deleteApp, getApp, listApps, updateApp } from '../apps';
import { etagOf } from '../core/etag';
import type { Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './index';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const viewer: Principal = { ...admin, role: 'viewer' };

describe('team and app operations', () => {
  it('creates, reads, renames with If-Match, lists, and deletes a team only once it has no apps', async () => {
    const team = await runOperation(t.db, admin, createTeam, { slug: 'acme', name: 'Acme' });
    expect(team).toMatchObject({ slug: 'acme', partner: false });
    await expect(runOperation(t.db, admin, createTeam, { slug: 'acme', name: 'Again' })).rejects.toMatchObject({ code: 'conflict', invalidParams: [{ name: 'slug' }] });
    await expect(runOperation(t.db, admin, createTeam, { slug: 'Bad Slug', name: '' })).rejects.toMatchObject({ code: 'invalid_params' });
    const updated = await runOperation(t.db, admin, updateTeam, { teamSlug: 'acme', partner: true }, { ifMatch: etagOf(team) });
    expect(updated).toMatchObject({ partner: true, name: 'Acme' });
    await expect(runOperation(t.db, admin, updateTeam, { teamSlug: 'acme', name: 'Late' }, { ifMatch: etagOf(team) })).rejects.toMatchObject({ code: 'precondition_failed' });
    expect(await runOperation(t.db, viewer, getTeam, { slug: 'acme' })).toEqual(updated);
    await runOperation(t.db, admin, createTeam, { slug: 'beta', name: 'Beta Corp' });
    expect((await runOperation(t.db, viewer, listTeams, { q: 'corp' })).items.map((item) => item.slug)).toEqual(['beta']);
    const app = await runOperation(t.db, admin, createApp, { slug: 'acme-app', name: 'Acme App', team: 'acme' });
    expect(app).toMatchObject({ team: 'acme', description: '' });
    await expect(runOperation(t.db, admin, deleteTeam, { slug: 'acme' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(runOperation(t.db, admin, createApp, { slug: 'x', name: 'X', team: 'ghost' })).rejects.toMatchObject({ invalidParams: [{ name: 'team' }] });
    expect(await runOperation(t.db, admin, updateApp, { appSlug: 'acme-app', slug: 'acme-web' })).toMatchObject({ slug: 'acme-web' });
    await runOperation(t.db, admin, createApp, { slug: 'beta-app', name: 'Beta App', team: 'beta' });
    expect((await runOperation(t.db, viewer, listApps, { team: 'acme' })).items.map((item) => item.slug)).toEqual(['acme-web']);
    const firstPage = await runOperation(t.db, viewer, listApps, { limit: 1 });
    expect((await runOperation(t.db, viewer, listApps, { limit: 1, cursor: firstPage.next_cursor })).items.map((item) => item.slug)).toEqual(['beta-app']);
    await runOperation(t.db, admin, deleteApp, { slug: 'acme-web' });
    await expect(runOperation(t.db, viewer, getApp, { slug: 'acme-web' })).rejects.toMatchObject({ code: 'not_found' });
    await runOperation(t.db, admin, deleteTeam, { slug: 'acme' });
    await expect(runOperation(t.db, viewer, getTeam, { slug: 'acme' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runOperation(t.db, viewer, createTeam, { slug: 'gamma', name: 'Gamma' })).rejects.toMatchObject({ code: 'forbidden' });
    const actions = (await t.db.auditLog.findMany({ orderBy: { id: 'asc' } })).map((entry) => entry.action);
    expect(actions).toEqual(['teams.create', 'teams.update', 'teams.create', 'apps.create', 'apps.update', 'apps.create', 'apps.delete', 'teams.delete']);
  });
});
