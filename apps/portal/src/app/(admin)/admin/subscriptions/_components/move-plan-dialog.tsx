'use client';

import { ZMoveSubscriptionRequest } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { actionData } from '../../apis/_components/action-result';
import { moveSubscriptionAction } from '../actions';

export type MovePlanDialogProps = {
  subscription: { id: string; app: string; api: string; plan: string };
  /** Plans that cover the subscription's API. */
  plans: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export function MovePlanDialog({ subscription, plans, open, onOpenChange }: MovePlanDialogProps) {
  const form = useZodForm(ZMoveSubscriptionRequest, { defaultValues: { plan: subscription.plan } });
  async function submit(values: { plan: string }) {
    const moved = actionData(await moveSubscriptionAction({ id: subscription.id, plan: values.plan }), { setError: form.setError, fields: ['plan'] });
    if (!moved) return;
    toast.success(`${moved.app} → ${moved.api} is on ${moved.plan} now`);
    onOpenChange(false);
  }
  return (
    <Dialog title={`Move ${subscription.app} → ${subscription.api}`} description="Limits and prices of the new plan apply from the next request." open={open} onOpenChange={onOpenChange}>
      <Form form={form} onSubmit={submit} aria-label="Move to another plan">
        <FormField name="plan" label="Plan" required>
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={plans.map((plan) => ({ value: plan, label: plan }))} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Move
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
