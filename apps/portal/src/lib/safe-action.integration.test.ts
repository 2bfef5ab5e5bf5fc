import { ZCreateApiRequest } from '@tollgate/contracts';
import { createApi, type Principal } from '@tollgate/operations';
import { describe, expect, it } from 'vitest';
import { useAdminApi } from '@/test/use-admin-api';

const { t } = useAdminApi();

// Imported after useAdminApi has pointed the portal's environment at this file's database.
const asPrincipal = async (role: Principal['role']) =>
  (await import('./safe-action')).createAdminActionClient(async () => ({ kind: 'user', id: '00000000-0000-4000-8000-0000000000c1', label: 'console@example.test', role, ip: '198.51.100.7' }));

const createApiAction = async (role: Principal['role']) =>
  (await asPrincipal(role))
    .inputSchema(ZCreateApiRequest)
    .action(async ({ parsedInput, ctx }) => ctx.run(createApi, parsedInput));

describe('the admin safe-action client', () => {
  it('runs the operation as the console user, audited with their address', async () => {
    const result = await (await createApiAction('admin'))({ slug: 'console', name: 'Console', basePath: '/console' });
    expect(result.serverError).toBeUndefined();
    expect(result.data).toMatchObject({ slug: 'console', status: 'draft' });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: 'apis.create', resourceId: result.data!.id } });
    expect(entry).toMatchObject({ actorType: 'user', actorLabel: 'console@example.test', ip: '198.51.100.7' });
  });

  it('maps operation errors by code: forbidden for a viewer, conflict naming the field', async () => {
    const denied = await (await createApiAction('viewer'))({ slug: 'nope', name: 'Nope', basePath: '/nope' });
    expect(denied.serverError).toEqual({ code: 'forbidden', status: 403, message: 'apis.create needs the admin role.' });
    const duplicate = await (await createApiAction('admin'))({ slug: 'console', name: 'Again', basePath: '/again' });
    expect(duplicate.serverError).toMatchObject({ code: 'conflict', status: 409, invalidParams: [{ name: 'slug' }] });
  });

  it('answers bad input with field errors before any operation runs', async () => {
    const result = await (await createApiAction('admin'))({ slug: 'Bad Slug', name: 'x', basePath: '/x' });
    expect(result.validationErrors?.slug?._errors?.[0]).toMatch(/lowercase/);
    expect(await t.db.api.count({ where: { name: 'x' } })).toBe(0);
  });
});
