import { ZMarkNotificationsReadRequest } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { notificationsWhere } from './team-notifications';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks one notification read (or all the caller's). A team-wide notification is read for the
 * whole team once one member reads it: it tells the team, not each person.
 */
export const markNotificationsRead = defineOperation({
  name: 'team_notifications.mark_read',
  role: 'developer',
  input: ZMarkNotificationsReadRequest,
  audit: { resourceType: 'notification' },
  async run(tx, input, ctx): Promise<{ marked: number }> {
    const where = await notificationsWhere(tx, ctx.principal);
    if (input.id !== undefined && (!UUID.test(input.id) || !(await tx.notification.findFirst({ where: { AND: [where, { id: input.id }] }, select: { id: true } })))) {
      throw new TollgateError('not_found', { detail: 'No notification with this id.' });
    }
    const { count } = await tx.notification.updateMany({ where: { AND: [where, { readAt: null }, input.id ? { id: input.id } : {}] }, data: { readAt: new Date() } });
    ctx.audit({ resourceId: input.id ?? null, after: { marked: count } });
    return { marked: count };
  },
});
