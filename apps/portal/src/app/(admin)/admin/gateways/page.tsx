import { GATEWAY_LAG_SECONDS } from '@tollgate/contracts';
import { listGateways } from '@tollgate/operations';
import { EmptyState, PageHeader } from '@tollgate/ui';
import { Network, TriangleAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { AutoRefresh } from './_components/auto-refresh';
import { GatewayCard } from './_components/gateway-card';

export const metadata: Metadata = { title: 'Gateways' };

const REFRESH_SECONDS = 10;

export default async function GatewaysPage() {
  const { items: gateways } = await readAsAdmin(listGateways, { limit: 100 }, '/admin/gateways');
  const now = Date.now();
  const lagging = gateways.filter((gateway) => gateway.lagging);
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <PageHeader
        title="Gateways"
        className="mb-0"
        description={`Every gateway instance, the config revision it serves and its live upstream health. A gateway lags when it serves an old revision, or sends no heartbeat, for more than ${GATEWAY_LAG_SECONDS} s. This page refreshes every ${REFRESH_SECONDS} s.`}
      />
      {lagging.length > 0 ? (
        <div role="alert" className="flex items-start gap-3 rounded-xl border border-warning/50 bg-warning/10 px-4 py-3 text-sm text-foreground">
          <TriangleAlert className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden="true" />
          <p>
            <strong className="font-semibold">
              {lagging.length} of {gateways.length} {gateways.length === 1 ? 'gateway lags' : 'gateways lag'} behind the config:
            </strong>{' '}
            {lagging.map((gateway) => gateway.hostname).join(', ')}. Requests it serves follow an older configuration until it catches up.
          </p>
        </div>
      ) : null}
      {gateways.length === 0 ? (
        <EmptyState icon={<Network />} title="No gateway has reported in">
          Start one with <code className="font-mono">npm run start:gateway</code>; it appears here with its first heartbeat.
        </EmptyState>
      ) : (
        gateways.map((gateway) => <GatewayCard key={gateway.id} gateway={gateway} now={now} />)
      )}
    </div>
  );
}
