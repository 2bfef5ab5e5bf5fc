'use client';

import type { TRequestLogDetail, TRequestLogEntry } from '@tollgate/contracts';
import { Button, Dialog, DialogClose, Skeleton } from '@tollgate/ui';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { formatInstant } from '../../_components/format-age';
import { actionData } from '../../apis/_components/action-result';
import { readRequestLogEntryAction } from '../actions';
import { formatBytes, formatLatency } from './format-request';
import { StatusBadge } from './status-badge';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-foreground">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="grid gap-1.5 text-sm">{children}</dl>
    </section>
  );
}

const none = <span className="text-muted-foreground">—</span>;
const code = (text: string | null | undefined) => (text ? <code className="break-all font-mono text-xs">{text}</code> : none);
/** A slug with its name beside it, once the details have loaded. */
const named = (slug: string | null, name: string | null | undefined) => (slug ? <>{code(slug)}{name ? <span className="text-muted-foreground"> · {name}</span> : null}</> : none);

function Loaded({ entry, detail }: { entry: TRequestLogEntry; detail: TRequestLogDetail | null | undefined }) {
  const pending = detail === undefined ? <Skeleton className="h-4 w-40" /> : null;
  return (
    <>
      {detail === null ? (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          The names behind this request could not be read; it may have been dropped by retention since the page loaded.
        </p>
      ) : null}
      <Section title="Request">
        <Row label="Request id">{code(entry.id)}</Row>
        <Row label="Completed">{formatInstant(entry.time).replace(' UTC', `.${entry.time.slice(20, 23)} UTC`)}</Row>
        <Row label="Status"><StatusBadge status={entry.status} count={entry.count} outcome={entry.outcome} /></Row>
        {entry.count > 1 ? <Row label="Requests">{entry.count.toLocaleString('en')} refused requests from this address in this minute, recorded as one row (latency is their mean, bytes their sum)</Row> : null}
        <Row label="Latency">{formatLatency(entry.latencyMs)} <span className="text-muted-foreground">(the whole request; phases are not recorded)</span></Row>
        <Row label="Bytes">{formatBytes(entry.bytesIn)} in · {formatBytes(entry.bytesOut)} out</Row>
        <Row label="Units billed">{entry.units}</Row>
      </Section>
      <Section title="Route">
        <Row label="API">{pending ?? named(entry.apiSlug, detail?.apiName)}</Row>
        <Row label="Route">{code(entry.routeKey)}</Row>
        <Row label="Upstream version">{entry.upstreamVersion ? code(entry.upstreamVersion) : <span className="text-muted-foreground">— (no traffic split)</span>}</Row>
      </Section>
      <Section title="Consumer">
        <Row label="Team">{pending ?? code(detail?.teamSlug)}</Row>
        <Row label="App">{pending ?? named(entry.appSlug, detail?.appName)}</Row>
        <Row label="Key">{entry.keyPrefix ? <>{code(`${entry.keyPrefix}…`)}{detail?.keyName ? <span className="text-muted-foreground"> · {detail.keyName}</span> : null}</> : none}</Row>
        <Row label="Plan">{pending ?? code(detail?.planSlug)}</Row>
        <Row label="Subscription">{pending ?? code(detail?.subscriptionId)}</Row>
      </Section>
      <Section title="Gateway">
        <Row label="Gateway">{code(entry.gatewayId)}</Row>
        <Row label="Client address">{code(entry.clientIp)}</Row>
        <Row label="Batch">{pending ?? code(detail?.batchId)}</Row>
      </Section>
      <p className="rounded-md border border-border bg-muted/50 px-3 py-2 text-sm text-muted-foreground">
        Headers and bodies are not recorded: the gateway keeps no request or response headers (so no credentials either) and
        no timings per phase, only what is shown here. The query string is not part of the path.
      </p>
    </>
  );
}

/** One request opened up: everything the request log stores about it, with the records it names. */
export function RequestLogDetails({ entry }: { entry: TRequestLogEntry }) {
  // undefined while loading, null when the row is gone (dropped by retention since the page was read).
  const [detail, setDetail] = useState<TRequestLogDetail | null | undefined>(undefined);
  const load = async (open: boolean) => {
    if (!open || detail) return;
    setDetail((actionData(await readRequestLogEntryAction({ id: entry.id, time: entry.time })) as TRequestLogDetail | undefined) ?? null);
  };
  const label = `Details of ${entry.method} ${entry.path} at ${formatInstant(entry.time)}`;
  return (
    <Dialog
      title={`${entry.method} ${entry.path}`}
      description={`${formatInstant(entry.time)} · ${entry.status}`}
      className="max-h-[90dvh] max-w-2xl overflow-y-auto break-words"
      onOpenChange={(open) => void load(open)}
      trigger={
        <Button variant="secondary" size="sm" aria-label={label}>
          Details
        </Button>
      }
    >
      <Loaded entry={entry} detail={detail} />
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {entry.appSlug ? (
          <DialogClose asChild>
            <Link className="font-medium text-primary hover:underline" href={`/admin/request-log?${new URLSearchParams({ app: entry.appSlug })}`}>
              All requests of this app
            </Link>
          </DialogClose>
        ) : null}
        {entry.apiSlug && entry.routeKey ? (
          <DialogClose asChild>
            <Link className="font-medium text-primary hover:underline" href={`/admin/request-log?${new URLSearchParams({ api: entry.apiSlug, route: entry.routeKey })}`}>
              All requests to this route
            </Link>
          </DialogClose>
        ) : null}
      </div>
    </Dialog>
  );
}
