import type { TGatewayInstance } from '@tollgate/contracts';
import { Badge, Card } from '@tollgate/ui';
import { CircleCheck, TriangleAlert } from 'lucide-react';
import Link from 'next/link';

/** How many gateways serve traffic and whether any of them lags behind the config. */
export function GatewaysSummary({ gateways }: { gateways: TGatewayInstance[] }) {
  const lagging = gateways.filter((gateway) => gateway.lagging);
  const current = gateways[0]?.currentRevision;
  return (
    <Card
      aria-label="Gateways"
      title="Gateways"
      description={current ? `Config revision ${current}` : undefined}
      actions={
        <Link href="/admin/gateways" className="text-sm font-medium text-primary hover:underline">
          See gateways
        </Link>
      }
    >
      {gateways.length === 0 ? (
        <p className="text-sm text-muted-foreground">No gateway has reported in yet. A running gateway sends a heartbeat every few seconds.</p>
      ) : lagging.length > 0 ? (
        <div role="status" className="flex items-start gap-3 text-sm">
          <TriangleAlert className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden="true" />
          <div>
            <p className="font-medium text-foreground">
              {lagging.length} of {gateways.length} {gateways.length === 1 ? 'gateway lags' : 'gateways lag'} behind
            </p>
            <p className="mt-1 text-muted-foreground">{lagging.map((gateway) => gateway.hostname).join(', ')}</p>
          </div>
          <Badge tone="warning" className="ml-auto">
            lagging
          </Badge>
        </div>
      ) : (
        <div role="status" className="flex items-center gap-3 text-sm">
          <CircleCheck className="size-5 shrink-0 text-success" aria-hidden="true" />
          <p className="text-foreground">
            {gateways.length} {gateways.length === 1 ? 'gateway serves' : 'gateways serve'} the current config
          </p>
        </div>
      )}
    </Card>
  );
}
