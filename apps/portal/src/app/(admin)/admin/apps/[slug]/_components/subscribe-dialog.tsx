'use client';

import { ZCreateSubscriptionRequest } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../apis/_components/action-result';
import { createSubscriptionAction } from '../../../subscriptions/actions';

const FIELDS = ['app', 'api', 'plan'];

/** Subscribes the app to an API on a plan covering it; a plan that needs approval starts the subscription pending. */
export function SubscribeDialog({ app, plansByApi }: { app: string; plansByApi: Record<string, string[]> }) {
  const [open, setOpen] = useState(false);
  const apis = Object.keys(plansByApi).sort();
  const form = useZodForm(ZCreateSubscriptionRequest, { defaultValues: { app, api: apis[0] ?? '', plan: plansByApi[apis[0] ?? '']?.[0] ?? '' } });
  const api = form.watch('api');
  async function onSubmit(values: typeof ZCreateSubscriptionRequest._zod.output) {
    const subscription = actionData(await createSubscriptionAction(values), { setError: form.setError, fields: FIELDS });
    if (!subscription) return;
    toast.success(subscription.status === 'pending' ? `Requested ${subscription.api}: waiting for approval` : `Subscribed to ${subscription.api}`);
    setOpen(false);
  }
  return (
    <Dialog
      title="Subscribe to an API"
      description="Partner-only APIs are open to partner teams only."
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary" disabled={apis.length === 0}>
          <Plus aria-hidden="true" /> Subscribe
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label="Subscribe to an API">
        <FormField name="api" label="API" required>
          {(field) => (
            <Select
              value={field.value as string}
              onValueChange={(value) => {
                field.onChange(value);
                form.setValue('plan', plansByApi[value]?.[0] ?? '');
              }}
              options={apis.map((slug) => ({ value: slug, label: slug }))}
            />
          )}
        </FormField>
        <FormField name="plan" label="Plan" required>
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={(plansByApi[api] ?? []).map((slug) => ({ value: slug, label: slug }))} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Subscribe
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
