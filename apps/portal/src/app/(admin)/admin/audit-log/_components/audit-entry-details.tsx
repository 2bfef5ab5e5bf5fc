'use client';

import type { TAuditEntry } from '@tollgate/contracts';
import { Button, Dialog, DialogClose } from '@tollgate/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ActorLabel } from '../../_components/actor-label';
import { describeResource } from '../../_components/describe-resource';
import { formatInstant } from '../../_components/format-age';
import { AuditDiff } from './audit-diff';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-all text-foreground">{children}</dd>
    </div>
  );
}

/** One entry opened up: who, from where, with which request, and the before/after of what changed. */
export function AuditEntryDetails({ entry }: { entry: TAuditEntry }) {
  const what = [entry.resourceType, entry.resourceId].filter(Boolean).join(' ');
  const label = `Details of ${entry.action} ${describeResource(entry)} at ${formatInstant(entry.createdAt)}`.replace(/\s+/g, ' ');
  return (
    <Dialog
      title={entry.action}
      description={`${what} · ${formatInstant(entry.createdAt)}`}
      className="max-h-[90dvh] max-w-2xl overflow-y-auto"
      trigger={
        <Button variant="secondary" size="sm" aria-label={label}>
          Details
        </Button>
      }
    >
      <dl className="grid gap-1.5 text-sm">
        <Row label="Actor">
          <ActorLabel actor={entry.actor} />
        </Row>
        {entry.actor.id ? <Row label="Actor id"><code className="font-mono text-xs">{entry.actor.id}</code></Row> : null}
        <Row label="Address">{entry.ip ?? '—'}</Row>
        <Row label="Request id">{entry.requestId ? <code className="font-mono text-xs">{entry.requestId}</code> : '—'}</Row>
      </dl>
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">{entry.before && entry.after ? 'Changes' : entry.after ? 'Created with' : entry.before ? 'Removed' : 'Changes'}</h3>
        <AuditDiff before={entry.before} after={entry.after} />
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {entry.resourceId ? (
          <DialogClose asChild>
            <Link className="font-medium text-primary hover:underline" href={`/admin/audit-log?${new URLSearchParams({ resourceType: entry.resourceType, resourceId: entry.resourceId })}`}>
              All entries for this {entry.resourceType}
            </Link>
          </DialogClose>
        ) : null}
        {entry.actor.id ? (
          <DialogClose asChild>
            <Link className="font-medium text-primary hover:underline" href={`/admin/audit-log?${new URLSearchParams({ actor: entry.actor.id })}`}>
              All entries by this actor
            </Link>
          </DialogClose>
        ) : null}
      </div>
    </Dialog>
  );
}
