'use client';

import type { TRouteResource } from '@tollgate/contracts';
import { Badge, Button, Card, ConfirmDialog, EmptyState, toast } from '@tollgate/ui';
import { Pencil, Trash2 } from 'lucide-react';
import { deleteRouteAction } from '../../actions';
import { actionData } from '../../_components/action-result';
import { BACKEND_BADGES } from './backend/backend-kinds';
import { RouteFormDialog } from './route-form-dialog';

/** What answers the route when it is not the upstream proxied: aggregate, XML, SOAP or gRPC. */
function BackendBadge({ route }: { route: TRouteResource }) {
  const kind = (route.policies.backend as { kind?: string } | undefined)?.kind;
  if (!kind || !(kind in BACKEND_BADGES)) return null;
  return (
    <Badge className="ml-2">
      <span className="sr-only">backend </span>
      {BACKEND_BADGES[kind as keyof typeof BACKEND_BADGES]}
    </Badge>
  );
}

function policySummary(route: TRouteResource): string {
  const policies = route.policies as { timeoutMs?: number; cache?: { ttlSeconds: number }; limitBy?: string; validateRequest?: boolean };
  const parts = [
    policies.timeoutMs ? `timeout ${policies.timeoutMs} ms` : null,
    policies.cache ? `cache ${policies.cache.ttlSeconds} s` : null,
    policies.limitBy && policies.limitBy !== 'subscription' ? `limit by ${policies.limitBy}` : null,
    policies.validateRequest ? 'validated' : null,
    route.rewrite ? `→ ${route.rewrite}` : null,
  ];
  return parts.filter(Boolean).join(' · ') || '—';
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const methodRank = (route: TRouteResource) => Math.min(...route.methods.map((method) => (METHOD_ORDER.indexOf(method) + 8) % 8));

/** As people read an API: by path, then GET before POST before DELETE. */
function byPathThenMethod(a: TRouteResource, b: TRouteResource): number {
  return a.path.localeCompare(b.path) || methodRank(a) - methodRank(b);
}

/** `versions`: the upstream versions the API's targets name, offered in a route's own split. */
export function RoutesSection({ apiSlug, basePath, routes, versions }: { apiSlug: string; basePath: string; routes: TRouteResource[]; versions: readonly string[] }) {
  return (
    <Card title="Routes" description={`Paths after ${basePath}, each with its methods, authentication, weight and policies.`} actions={<RouteFormDialog apiSlug={apiSlug} versions={versions} />}>
      {routes.length === 0 ? (
        <EmptyState title="No routes yet">Add a route, or import an OpenAPI document to create one per path and method.</EmptyState>
      ) : (
        <div role="region" aria-labelledby="routes-caption" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-border">
          <table className="min-w-full divide-y divide-border text-sm">
            <caption id="routes-caption" className="sr-only">
              Routes of {apiSlug}
            </caption>
            <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                {['Methods', 'Path', 'Auth', 'Weight', 'Policies'].map((head) => (
                  <th key={head} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                    {head}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {routes.toSorted(byPathThenMethod).map((route) => (
                <tr key={route.id}>
                  <td className="px-3 py-2">
                    <span className="flex flex-wrap gap-1">
                      {route.methods.map((method) => (
                        <Badge key={method} tone="info" className="font-mono">
                          {method}
                        </Badge>
                      ))}
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <span className="font-mono text-xs">{route.path}</span>
                    <BackendBadge route={route} />
                  </td>
                  <td className="px-3 py-2">{route.auth}</td>
                  <td className="px-3 py-2 tabular-nums">{route.weight}</td>
                  <td className="px-3 py-2 text-muted-foreground">{policySummary(route)}</td>
                  <td className="px-3 py-2">
                    <div className="flex justify-end gap-1">
                      <RouteFormDialog
                        apiSlug={apiSlug}
                        route={route}
                        versions={versions}
                        trigger={
                          <Button variant="ghost" size="icon" className="size-8" aria-label={`Edit ${route.key}`}>
                            <Pencil aria-hidden="true" />
                          </Button>
                        }
                      />
                      <ConfirmDialog
                        title={`Delete ${route.key}?`}
                        description="The gateway stops serving this route within a second."
                        confirmLabel="Delete route"
                        destructive
                        trigger={
                          <Button variant="ghost" size="icon" className="size-8" aria-label={`Delete ${route.key}`}>
                            <Trash2 aria-hidden="true" />
                          </Button>
                        }
                        onConfirm={async () => {
                          if (actionData(await deleteRouteAction({ apiSlug, routeId: route.id }))) toast.success(`Deleted ${route.key}`);
                        }}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
