'use client';

import { Button, Dialog, Form, FormField, Textarea, useZodForm } from '@tollgate/ui';
import { z } from 'zod';

export type ReasonDialogProps = {
  title: string;
  description: string;
  confirmLabel: string;
  /** Reject needs a reason; suspend takes one if given. */
  required: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Answers false to keep the dialog open (the server refused; errors are on the form). */
  onSubmit: (reason: string | undefined, setError: (message: string) => void) => Promise<boolean>;
};

/** Asks why before a reject or a suspend; the team sees the reason. */
export function ReasonDialog({ title, description, confirmLabel, required, open, onOpenChange, onSubmit }: ReasonDialogProps) {
  const schema = z.object({ reason: required ? z.string().trim().min(1, 'Say why: the team sees this.').max(1000) : z.string().trim().max(1000) });
  const form = useZodForm(schema, { defaultValues: { reason: '' } });
  async function submit(values: { reason: string }) {
    const done = await onSubmit(values.reason || undefined, (message) => form.setError('reason', { type: 'server', message }));
    if (done) {
      form.reset();
      onOpenChange(false);
    }
  }
  return (
    <Dialog title={title} description={description} open={open} onOpenChange={onOpenChange}>
      <Form form={form} onSubmit={submit} aria-label={title}>
        <FormField name="reason" label="Reason" required={required}>
          {(field) => <Textarea {...field} rows={3} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" variant="destructive" loading={form.formState.isSubmitting}>
            {confirmLabel}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
