'use client';

import type { TTeamNotification } from '@tollgate/contracts';
import { Badge, Button, Card, cn, toast } from '@tollgate/ui';
import { Bell, Check } from 'lucide-react';
import Link from 'next/link';
import { useTransition } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { Timestamp } from '../../../(admin)/admin/_components/timestamp';
import { markNotificationsReadAction } from '../actions';

/** What the caller's teams were told (a subscription approved or rejected), unread ones marked, newest first. */
export function NotificationsPanel({ notifications, unread }: { notifications: TTeamNotification[]; unread: number }) {
  const [pending, startTransition] = useTransition();
  const markRead = (id?: string) =>
    startTransition(async () => {
      if (actionData(await markNotificationsReadAction(id ? { id } : {})) && !id) toast.success('All notifications marked read');
    });
  return (
    <Card
      className="overflow-hidden"
      aria-labelledby="notifications-title"
      title={
        <span id="notifications-title" className="flex items-center gap-2 text-base font-semibold">
          <Bell className="size-4 text-muted-foreground" aria-hidden="true" /> Notifications
          {unread > 0 ? <Badge tone="info">{unread} unread</Badge> : null}
        </span>
      }
      actions={
        unread > 0 ? (
          <Button size="sm" variant="secondary" onClick={() => markRead()} loading={pending}>
            <Check aria-hidden="true" /> Mark all read
          </Button>
        ) : null
      }
    >
      {notifications.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet. You are told here when an admin approves or rejects a subscription request.</p>
      ) : (
        <ul className="-m-5 divide-y divide-border">
          {notifications.map((notification) => (
            <li key={notification.id} className={cn('flex flex-wrap items-start justify-between gap-3 px-5 py-4', !notification.read && 'bg-primary/5')}>
              <div className="grid min-w-0 flex-1 gap-1">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
                  {notification.read ? null : (
                    <span className="size-2 shrink-0 rounded-full bg-primary" aria-hidden="true" />
                  )}
                  {notification.href ? (
                    <Link href={notification.href} className="underline-offset-4 hover:underline focus-visible:underline">
                      {notification.title}
                    </Link>
                  ) : (
                    notification.title
                  )}
                  {notification.read ? null : <span className="sr-only">(unread)</span>}
                </p>
                {notification.body ? <p className="text-sm text-muted-foreground">{notification.body}</p> : null}
                <p className="text-xs text-muted-foreground">
                  <Timestamp iso={notification.createdAt} /> · team {notification.team}
                </p>
              </div>
              {notification.read ? null : (
                <Button size="sm" variant="ghost" onClick={() => markRead(notification.id)} disabled={pending} aria-label={`Mark read: ${notification.title}`}>
                  Mark read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
