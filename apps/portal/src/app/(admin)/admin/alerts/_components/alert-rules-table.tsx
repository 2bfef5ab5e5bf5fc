'use client';

import { ALERT_METRIC_UNIT, type TAlertRule } from '@tollgate/contracts';
import { Badge, Button, ConfirmDialog, DataTable, toast, type DataTableColumn, type TableParamsSpec } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { Timestamp } from '../../_components/timestamp';
import { deleteAlertRuleAction } from '../actions';
import { AlertRuleFormDialog, type AlertRuleChoices } from './alert-rule-form-dialog';
import { metricLabel } from './alert-rule-form-schema';

export const ALERT_RULES_TABLE = { filters: ['state'], pageSizes: [20, 50, 100], defaultPageSize: 20 } as const satisfies TableParamsSpec;

const amount = (rule: TAlertRule, value: number) => `${Math.round(value * 100) / 100} ${ALERT_METRIC_UNIT[rule.metric]}`;

function notifies(rule: TAlertRule): string {
  const ways = [rule.webhook ? 'webhook' : null, rule.mailTo.length ? `mail to ${rule.mailTo.length} ${rule.mailTo.length === 1 ? 'address' : 'addresses'}` : null].filter(Boolean);
  return ways.length ? `notifies by ${ways.join(' and ')}` : 'notifies nobody';
}

function StateCell({ rule }: { rule: TAlertRule }) {
  if (rule.state === 'firing') {
    return (
      <span className="flex flex-wrap items-center gap-1.5">
        <Badge tone="danger">firing</Badge>
        {rule.firingSince ? (
          <span className="text-xs text-muted-foreground">
            since <Timestamp iso={rule.firingSince} />
          </span>
        ) : null}
      </span>
    );
  }
  return <Badge tone="success">ok</Badge>;
}

function DeleteButton({ rule }: { rule: TAlertRule }) {
  return (
    <ConfirmDialog
      title={`Delete alert ${rule.name}?`}
      description={rule.state === 'firing' ? 'It is firing now; no recovery will be sent for it.' : 'The worker stops checking it.'}
      confirmLabel="Delete alert"
      destructive
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete alert ${rule.name}`}>
          Delete
        </Button>
      }
      onConfirm={async () => {
        if (actionData(await deleteAlertRuleAction({ id: rule.id }))) toast.success(`Deleted alert ${rule.name}`);
      }}
    />
  );
}

export function AlertRulesTable({ rows, nextCursor, choices }: { rows: TAlertRule[]; nextCursor: string | null; choices: AlertRuleChoices }) {
  const [editing, setEditing] = useState<TAlertRule | null>(null);
  const columns: DataTableColumn<TAlertRule>[] = [
    {
      accessorKey: 'name',
      header: 'Name',
      cell: ({ row }) => (
        <span className="grid gap-0.5">
          <span className="font-medium">{row.original.name}</span>
          <span className="text-xs text-muted-foreground">{notifies(row.original)}</span>
        </span>
      ),
    },
    { accessorKey: 'state', header: 'State', cell: ({ row }) => <StateCell rule={row.original} /> },
    {
      id: 'condition',
      header: 'Condition',
      cell: ({ row }) => {
        const rule = row.original;
        const window = rule.metric === 'quota_used' ? 'this quota period' : `${rule.windowMinutes} min`;
        return (
          <span className="grid gap-0.5 text-sm">
            <span>
              {metricLabel(rule.metric)} &gt; {amount(rule, rule.threshold)} <span className="text-muted-foreground">over {window}</span>
            </span>
            <code className="font-mono text-xs text-muted-foreground">{rule.consumer ?? rule.api ?? 'every API'}</code>
          </span>
        );
      },
    },
    {
      id: 'value',
      header: 'Last value',
      cell: ({ row }) =>
        row.original.lastEvaluatedAt === null ? (
          <span className="text-muted-foreground">not checked yet</span>
        ) : (
          <span className="tabular-nums">{row.original.lastValue === null ? 'no calls' : amount(row.original, row.original.lastValue)}</span>
        ),
    },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex justify-end gap-1">
          <Button variant="ghost" size="sm" onClick={() => setEditing(row.original)} aria-label={`Edit alert ${row.original.name}`}>
            Edit
          </Button>
          <DeleteButton rule={row.original} />
        </div>
      ),
    },
  ];
  return (
    <>
      <DataTable
        caption="Alert rules"
        columns={columns}
        rows={rows}
        params={ALERT_RULES_TABLE}
        nextCursor={nextCursor}
        getRowId={(row) => row.id}
        filters={[{ id: 'state', label: 'State', options: [{ value: 'firing', label: 'Firing' }, { value: 'ok', label: 'OK' }] }]}
        empty="No alert in this state."
      />
      {editing ? <AlertRuleFormDialog key={editing.id} {...choices} rule={editing} open onOpenChange={(open) => !open && setEditing(null)} /> : null}
    </>
  );
}
