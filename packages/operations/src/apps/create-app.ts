import { ZCreateAppRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { checkAppSlug } from './find-app-or-throw';
import { APP_INCLUDE, toAppResource } from './to-app-resource';

export const createApp = defineOperation({
  name: 'apps.create',
  role: 'admin',
  input: ZCreateAppRequest,
  audit: { resourceType: 'app' },
  async run(tx, input, ctx) {
    const team = await tx.team.findUnique({ where: { slug: input.team }, select: { id: true } });
    if (!team) throw new TollgateError('invalid_params', { detail: `No team with slug "${input.team}".`, invalidParams: [{ name: 'team', reason: `no team with slug "${input.team}"` }] });
    await checkAppSlug(tx, input.slug);
    const row = await tx.app.create({ data: { teamId: team.id, slug: input.slug, name: input.name, description: input.description }, include: APP_INCLUDE });
    const app = toAppResource(row);
    ctx.audit({ resourceId: row.id, after: app });
    return app;
  },
});
