'use client';

import { ZSubscribeTeamAppRequest, type TSubscribableApi } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { actionData } from '../../../../(admin)/admin/apis/_components/action-result';
import { subscribeTeamAppAction } from '../../actions';

const FIELDS = ['app', 'api', 'plan'];

const planLabel = (plan: TSubscribableApi['plans'][number]) => (plan.approvalRequired ? `${plan.name} (needs approval)` : plan.name);

/** Subscribes the app to an API its team may see, on a plan covering it; a plan that needs approval starts pending. */
export function SubscribeDialog({ app, apis, subscribed }: { app: string; apis: TSubscribableApi[]; subscribed: string[] }) {
  const [open, setOpen] = useState(false);
  const open_ = apis.filter((api) => !subscribed.includes(api.slug));
  const first = open_[0] ?? apis[0];
  const form = useZodForm(ZSubscribeTeamAppRequest, { defaultValues: { app, api: first?.slug ?? '', plan: first?.plans[0]?.slug ?? '' } });
  const plans = apis.find((api) => api.slug === form.watch('api'))?.plans ?? [];
  async function onSubmit(values: typeof ZSubscribeTeamAppRequest._zod.output) {
    const subscription = actionData(await subscribeTeamAppAction(values), { setError: form.setError, fields: FIELDS });
    if (!subscription) return;
    toast.success(subscription.status === 'pending' ? `Requested ${subscription.api}: pending approval` : `Subscribed to ${subscription.api}`);
    setOpen(false);
  }
  return (
    <Dialog
      title="Subscribe to an API"
      description="Choose an API and a plan. Plans that need approval wait for an admin; you are told when they decide."
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
                form.setValue('plan', apis.find((api) => api.slug === value)?.plans[0]?.slug ?? '');
              }}
              options={apis.map((api) => ({ value: api.slug, label: subscribed.includes(api.slug) ? `${api.name} (subscribed)` : api.name }))}
            />
          )}
        </FormField>
        <FormField name="plan" label="Plan" required>
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={plans.map((plan) => ({ value: plan.slug, label: planLabel(plan) }))} />}
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
