'use client';

import { Button, Dialog, toast } from '@tollgate/ui';
import { useState } from 'react';
import { actionData, type ActionResult } from '../../apis/_components/action-result';

export type SubscriptionConfirmProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  run: () => Promise<ActionResult<unknown>>;
  /** The toast on success. */
  done: string;
};

/** A controlled confirmation for actions opened from a menu (a menu item cannot be a dialog's trigger). */
export function SubscriptionConfirm({ open, onOpenChange, title, description, confirmLabel, destructive, run, done }: SubscriptionConfirmProps) {
  const [pending, setPending] = useState(false);
  async function confirm() {
    setPending(true);
    const result = actionData(await run().finally(() => setPending(false)));
    if (result === undefined) return;
    toast.success(done);
    onOpenChange(false);
  }
  return (
    <Dialog
      title={title}
      description={description}
      open={open}
      onOpenChange={(next) => !pending && onOpenChange(next)}
      footer={
        <>
          <Button variant="secondary" disabled={pending} onClick={() => onOpenChange(false)}>
            Keep it
          </Button>
          <Button variant={destructive ? 'destructive' : 'primary'} loading={pending} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    />
  );
}
