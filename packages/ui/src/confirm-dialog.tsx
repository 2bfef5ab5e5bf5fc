'use client';

import { AlertDialog } from 'radix-ui';
import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';
import { Input } from './input';
import { modalClasses, overlayClasses } from './overlay-classes';

export type ConfirmDialogProps = {
  title: ReactNode;
  description?: ReactNode;
  trigger: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** For destructive actions: the confirm button is red. */
  destructive?: boolean;
  /** When set, the user must type this text (a slug, say) before the action is enabled. */
  confirmText?: string;
  /** Runs on confirm; the dialog stays open and shows a spinner until it settles, and closes on success. */
  onConfirm: () => unknown | Promise<unknown>;
};

/** Asks before an action that cannot be undone; optionally makes the user type a name first. */
export function ConfirmDialog({ title, description, trigger, confirmLabel = 'Confirm', cancelLabel = 'Cancel', destructive = false, confirmText, onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const inputId = useId();
  const matches = confirmText === undefined || typed === confirmText;

  async function confirm() {
    setPending(true);
    try {
      await onConfirm();
      setOpen(false);
      setTyped('');
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => (pending ? undefined : (setOpen(next), setTyped('')))}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClasses} />
        <AlertDialog.Content className={modalClasses}>
          <div className="grid gap-1.5">
            <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-muted-foreground">{description ?? 'This cannot be undone.'}</AlertDialog.Description>
          </div>
          {confirmText !== undefined ? (
            <div className="grid gap-1.5">
              <label htmlFor={inputId} className="text-sm">
                Type <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{confirmText}</code> to confirm
              </label>
              <Input id={inputId} value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />
            </div>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                {cancelLabel}
              </Button>
            </AlertDialog.Cancel>
            <Button variant={destructive ? 'destructive' : 'primary'} disabled={!matches} loading={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
