import type { TTeamNotification } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { notificationsWhere } from './team-notifications';
import { toTeamNotification } from './to-team-records';

/** The caller's latest notifications, newest first, with how many are unread in all. */
export const listTeamNotifications = defineOperation({
  name: 'team_notifications.list',
  role: 'developer',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  async run(tx, input, ctx): Promise<{ items: TTeamNotification[]; unread: number }> {
    const where = await notificationsWhere(tx, ctx.principal);
    const rows = await tx.notification.findMany({ where, include: { team: { select: { slug: true } } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit });
    const unread = await tx.notification.count({ where: { AND: [where, { readAt: null }] } });
    return { items: rows.map(toTeamNotification), unread };
  },
});
