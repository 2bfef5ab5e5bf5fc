'use client';

import type { TPlanResource } from '@tollgate/contracts';
import { Badge, Button, DataTable, Dialog, toast, type DataTableColumn } from '@tollgate/ui';
import type { TableParamsSpec } from '@tollgate/ui/table-params';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { deletePlanAction } from '../actions';
import { PlanFormDialog } from './plan-form-dialog';

export const PLANS_TABLE: TableParamsSpec = { filters: ['api'], pageSizes: [10, 20, 50, 100] };

const money = (cents: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
const limit = (value: { requests: number; per: string } | null) => (value ? `${value.requests.toLocaleString('en')} / ${value.per}` : 'unlimited');

const columns: DataTableColumn<TPlanResource>[] = [
  { accessorKey: 'name', header: 'Name', cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
  { accessorKey: 'slug', header: 'Slug', cell: ({ row }) => <code className="font-mono text-xs">{row.original.slug}</code> },
  { id: 'apis', header: 'APIs', cell: ({ row }) => (row.original.apis.length ? row.original.apis.join(', ') : <span className="text-muted-foreground">none</span>) },
  { id: 'rateLimit', header: 'Rate limit', cell: ({ row }) => limit(row.original.rateLimit) },
  { id: 'quota', header: 'Quota', cell: ({ row }) => limit(row.original.quota) },
  { id: 'price', header: 'Price / month', cell: ({ row }) => money(row.original.price.monthlyCents, row.original.price.currency) },
  { id: 'approval', header: 'Approval', cell: ({ row }) => (row.original.approvalRequired ? <Badge tone="warning">required</Badge> : <Badge>automatic</Badge>) },
];

export function PlansTable({ plans, nextCursor, apis }: { plans: TPlanResource[]; nextCursor: string | null; apis: string[] }) {
  const [editing, setEditing] = useState<TPlanResource | null>(null);
  const [deleting, setDeleting] = useState<TPlanResource | null>(null);
  const [pending, setPending] = useState(false);
  async function remove(plan: TPlanResource) {
    setPending(true);
    const done = actionData(await deletePlanAction({ slug: plan.slug }).finally(() => setPending(false)));
    if (!done) return;
    toast.success(`Deleted ${plan.name}`);
    setDeleting(null);
  }
  return (
    <>
      <DataTable
        caption="Plans"
        columns={columns}
        rows={plans}
        params={PLANS_TABLE}
        nextCursor={nextCursor}
        getRowId={(plan) => plan.id}
        filters={[{ id: 'api', label: 'Covers API', options: apis.map((slug) => ({ value: slug, label: slug })) }]}
        rowLabel={(plan) => plan.name}
        rowActions={(plan) => [
          { label: 'Edit', onSelect: () => setEditing(plan) },
          { label: 'Delete', destructive: true, onSelect: () => setDeleting(plan) },
        ]}
        empty="No plan covers this API."
      />
      {editing ? <PlanFormDialog key={editing.id} apis={apis} plan={editing} open onOpenChange={(open) => !open && setEditing(null)} /> : null}
      <Dialog
        title={`Delete plan ${deleting?.name ?? ''}?`}
        description="A plan with subscriptions cannot be deleted: move them to another plan first. This cannot be undone."
        open={deleting !== null}
        onOpenChange={(open) => !open && !pending && setDeleting(null)}
        footer={
          <>
            <Button variant="secondary" disabled={pending} onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button variant="destructive" loading={pending} onClick={() => deleting && void remove(deleting)}>
              Delete plan
            </Button>
          </>
        }
      />
    </>
  );
}
