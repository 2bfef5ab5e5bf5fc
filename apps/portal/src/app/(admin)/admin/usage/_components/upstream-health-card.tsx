import { listGateways } from '@tollgate/operations';
import { Badge, Card } from '@tollgate/ui';
import Link from 'next/link';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { upstreamHealth } from './upstream-health';

/** Upstream health as the gateways' last heartbeats report it: which targets some gateway cannot use. */
export async function UpstreamHealthCard({ api, path }: { api?: string; path: string }) {
  const { items } = await readAsAdmin(listGateways, { limit: 100 }, path);
  const health = upstreamHealth(items, api);
  const down = health.targets.filter((target) => target.unhealthyOn.length > 0);
  const gatewaysLink = (
    <Link href="/admin/gateways" className="text-primary underline underline-offset-4">
      Gateways
    </Link>
  );
  return (
    <Card aria-label="Upstream health" title="Upstream health" description="Now, from each gateway’s last heartbeat: a target is unhealthy where its check fails, it is ejected or its circuit is open.">
      {health.gateways === 0 ? (
        <p className="text-sm text-muted-foreground">No gateway has sent a recent heartbeat, so there is nothing to show. See {gatewaysLink}.</p>
      ) : health.targets.length === 0 ? (
        <p className="text-sm text-muted-foreground">No upstream targets {api ? 'for this API' : ''} on the {health.gateways} live {health.gateways === 1 ? 'gateway' : 'gateways'}.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="flex flex-wrap items-center gap-2 text-sm text-foreground">
            {down.length === 0 ? <Badge tone="success">healthy</Badge> : <Badge tone="danger">{down.length} unhealthy</Badge>}
            <span>
              {health.targets.length - down.length} of {health.targets.length} {health.targets.length === 1 ? 'target is' : 'targets are'} healthy on every one of the {health.gateways} live{' '}
              {health.gateways === 1 ? 'gateway' : 'gateways'}. Details per gateway in {gatewaysLink}.
            </span>
          </p>
          {down.length > 0 ? (
            <ul aria-label="Unhealthy upstream targets" className="divide-y divide-border rounded-lg border border-border text-sm">
              {down.map((target) => (
                <li key={`${target.api} ${target.url}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-3 py-2">
                  <span className="min-w-0">
                    <span className="font-medium">{target.api}</span> <code className="break-all font-mono text-xs text-muted-foreground">{target.url}</code>
                  </span>
                  <span className="text-muted-foreground">
                    unhealthy on {target.unhealthyOn.length} of {target.reporting}: {target.unhealthyOn.join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Card>
  );
}
