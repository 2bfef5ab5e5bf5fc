'use client';

import type { TSubscriptionResource } from '@tollgate/contracts';
import { Button, ConfirmDialog, DropdownMenu, toast, type DropdownMenuItem } from '@tollgate/ui';
import { Check, MoreHorizontal, X } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../apis/_components/action-result';
import { approveSubscriptionAction, cancelSubscriptionAction, rejectSubscriptionAction, resetSubscriptionQuotaAction, resumeSubscriptionAction, suspendSubscriptionAction } from '../actions';
import { MovePlanDialog } from './move-plan-dialog';
import { ReasonDialog } from './reason-dialog';
import { SubscriptionConfirm } from './subscription-confirm';

type Dialog = 'reject' | 'suspend' | 'move' | 'reset' | 'cancel' | null;

/** What an admin may do with one subscription, by its status: approve or reject a request; suspend, move, reset or cancel the rest. */
export function SubscriptionActions({ subscription, plans }: { subscription: TSubscriptionResource; plans: string[] }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const name = `${subscription.app} → ${subscription.api}`;
  const close = (open: boolean) => !open && setDialog(null);
  async function approve() {
    const done = actionData(await approveSubscriptionAction({ id: subscription.id }));
    if (done) toast.success(`Approved ${name}`);
  }
  const menu: DropdownMenuItem[] = [];
  if (subscription.status === 'active') menu.push({ label: 'Suspend', onSelect: () => setDialog('suspend') });
  if (subscription.status === 'suspended') menu.push({ label: 'Resume', onSelect: () => void resume() });
  if (subscription.status !== 'cancelled' && subscription.status !== 'pending') {
    menu.push({ label: 'Move to another plan', onSelect: () => setDialog('move') }, { label: 'Reset quota', onSelect: () => setDialog('reset') });
  }
  if (subscription.status !== 'cancelled') menu.push({ type: 'separator' }, { label: 'Cancel subscription', destructive: true, onSelect: () => setDialog('cancel') });
  async function resume() {
    if (actionData(await resumeSubscriptionAction({ id: subscription.id }))) toast.success(`Resumed ${name}`);
  }
  return (
    <div className="flex items-center justify-end gap-2">
      {subscription.status === 'pending' ? (
        <>
          <ConfirmDialog
            title={`Approve ${name}?`}
            description={`The app's keys work on ${subscription.api} with the ${subscription.plan} plan within a second.`}
            confirmLabel="Approve"
            onConfirm={approve}
            trigger={
              <Button size="sm" aria-label={`Approve ${name}`}>
                <Check aria-hidden="true" /> Approve
              </Button>
            }
          />
          <Button size="sm" variant="secondary" aria-label={`Reject ${name}`} onClick={() => setDialog('reject')}>
            <X aria-hidden="true" /> Reject
          </Button>
        </>
      ) : null}
      {menu.length > 0 ? (
        <DropdownMenu
          items={menu.at(0)?.type === 'separator' ? menu.slice(1) : menu}
          trigger={
            <Button variant="ghost" size="icon" className="size-8" aria-label={`More actions for ${name}`}>
              <MoreHorizontal aria-hidden="true" />
            </Button>
          }
        />
      ) : null}
      <ReasonDialog
        title={`Reject ${name}`}
        description="The request ends cancelled; the team sees your reason."
        confirmLabel="Reject request"
        required
        open={dialog === 'reject'}
        onOpenChange={close}
        onSubmit={async (reason, setError) => {
          const done = actionData(await rejectSubscriptionAction({ id: subscription.id, reason: reason ?? '' }), { setError: (_, error) => setError(error.message ?? 'Refused'), fields: ['reason'] });
          if (done) toast.success(`Rejected ${name}`);
          return Boolean(done);
        }}
      />
      <ReasonDialog
        title={`Suspend ${name}`}
        description="The gateway refuses the app's calls to this API until you resume it."
        confirmLabel="Suspend"
        required={false}
        open={dialog === 'suspend'}
        onOpenChange={close}
        onSubmit={async (reason, setError) => {
          const done = actionData(await suspendSubscriptionAction({ id: subscription.id, ...(reason ? { reason } : {}) }), { setError: (_, error) => setError(error.message ?? 'Refused'), fields: ['reason'] });
          if (done) toast.success(`Suspended ${name}`);
          return Boolean(done);
        }}
      />
      {dialog === 'move' ? <MovePlanDialog subscription={subscription} plans={plans} open onOpenChange={close} /> : null}
      <SubscriptionConfirm open={dialog === 'reset'} onOpenChange={close} title={`Reset the quota of ${name}?`} description="The current period counts from now; units used so far no longer count." confirmLabel="Reset quota" run={() => resetSubscriptionQuotaAction({ id: subscription.id })} done={`Quota of ${name} reset`} />
      <SubscriptionConfirm open={dialog === 'cancel'} onOpenChange={close} destructive title={`Cancel ${name}?`} description="The app's keys stop working on this API. Billing history stays." confirmLabel="Cancel subscription" run={() => cancelSubscriptionAction({ id: subscription.id })} done={`Cancelled ${name}`} />
    </div>
  );
}
