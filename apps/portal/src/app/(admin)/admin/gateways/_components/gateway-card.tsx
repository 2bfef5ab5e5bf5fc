import type { TGatewayInstance } from '@tollgate/contracts';
import { Badge, Card } from '@tollgate/ui';
import type { ReactNode } from 'react';
import { Timestamp } from '../../_components/timestamp';
import { readTargets } from './read-targets';
import { TargetHealthTable } from './target-health-table';

const LAG_REASON = { stale_revision: 'Serves an old config revision', no_heartbeat: 'No recent heartbeat' } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="text-sm text-foreground">{children}</dd>
    </div>
  );
}

/** One gateway instance: what it runs, which config it serves, when it last spoke, and its targets. */
export function GatewayCard({ gateway, now }: { gateway: TGatewayInstance; now: number }) {
  const behind = BigInt(gateway.currentRevision) - BigInt(gateway.configRevision);
  return (
    <Card
      aria-label={`Gateway ${gateway.hostname}`}
      className={gateway.lagging ? 'border-warning/60' : undefined}
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span className="text-base">{gateway.hostname}</span>
          {gateway.lagging ? <Badge tone="warning">lagging</Badge> : <Badge tone="success">current</Badge>}
        </span>
      }
      description={<code className="font-mono text-xs">{gateway.id}</code>}
    >
      {gateway.lagging && gateway.lagReason ? (
        <p className="mb-4 rounded-lg border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-foreground">
          <strong className="font-semibold">{LAG_REASON[gateway.lagReason]}.</strong>{' '}
          {gateway.lagReason === 'stale_revision'
            ? `It serves revision ${gateway.configRevision}, ${behind} behind the current ${gateway.currentRevision}.`
            : 'It may have stopped, or lost its connection to PostgreSQL; it keeps serving its last good snapshot.'}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        <Fact label="Revision served">
          <span className="tabular-nums">{gateway.configRevision}</span>
          <span className="text-muted-foreground"> of {gateway.currentRevision}</span>
        </Fact>
        <Fact label="Last heartbeat">
          <Timestamp iso={gateway.lastSeenAt} now={now} />
        </Fact>
        <Fact label="Started">
          <Timestamp iso={gateway.startedAt} now={now} />
        </Fact>
        <Fact label="Version">{gateway.version}</Fact>
        <Fact label="Hostname">
          <span className="break-all">{gateway.hostname}</span>
        </Fact>
      </dl>
      <h3 className="mb-2 mt-6 text-sm font-semibold text-foreground">Upstream targets</h3>
      <TargetHealthTable targets={readTargets(gateway.status)} hostname={gateway.hostname} />
    </Card>
  );
}
