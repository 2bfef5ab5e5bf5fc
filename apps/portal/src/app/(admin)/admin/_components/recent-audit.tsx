import type { TAuditEntry } from '@tollgate/contracts';
import { Card } from '@tollgate/ui';
import Link from 'next/link';
import { ActorLabel } from './actor-label';
import { describeResource } from './describe-resource';
import { Timestamp } from './timestamp';

/** The latest audit entries on the overview, newest first. */
export function RecentAudit({ entries, now }: { entries: TAuditEntry[]; now: number }) {
  return (
    <Card
      aria-label="Recent changes"
      title="Recent changes"
      description="The latest writes from the console, the admin API and the CLI."
      actions={
        <Link href="/admin/audit-log" className="text-sm font-medium text-primary hover:underline">
          Open the audit log
        </Link>
      }
    >
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing has been changed yet. Every write will show here, with who made it.</p>
      ) : (
        <ol className="-my-2 divide-y divide-border">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <span className="min-w-0">
                <code className="font-mono text-xs text-foreground">{entry.action}</code>
                <span className="ml-2 text-muted-foreground" title={entry.resourceId ?? undefined}>
                  {entry.resourceType} {describeResource(entry)}
                </span>
              </span>
              <span className="flex min-w-0 items-center gap-3 text-muted-foreground">
                <ActorLabel actor={entry.actor} />
                <Timestamp iso={entry.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
