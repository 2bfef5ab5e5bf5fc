'use client';

import { ZCreatePlanRequest, type TPlanResource } from '@tollgate/contracts';
import { Button, Checkbox, Dialog, Form, FormField, Input, Select, Switch, Textarea, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { ControllerRenderProps, FieldValues } from 'react-hook-form';
import { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { createPlanAction, updatePlanAction } from '../actions';

/** The plan schema itself, after empty limit fields are read as "no limit". */
const schema = z.preprocess((raw) => {
  const values = { ...(raw as Record<string, unknown>) };
  for (const key of ['rateLimit', 'quota'] as const) if ((values[key] as { requests?: unknown } | undefined)?.requests === undefined) delete values[key];
  const rate = values.rateLimit as { burst?: unknown } | undefined;
  if (rate && rate.burst === undefined) values.rateLimit = Object.fromEntries(Object.entries(rate).filter(([key]) => key !== 'burst'));
  return values;
}, ZCreatePlanRequest);
type Values = z.output<typeof schema>;
const FIELDS = Object.keys(ZCreatePlanRequest.shape);
const PER_RATE = ['second', 'minute', 'hour'].map((value) => ({ value, label: `per ${value}` }));
const PER_QUOTA = ['day', 'month'].map((value) => ({ value, label: `per ${value}` }));

const numberInput = (field: ControllerRenderProps<FieldValues, string>, placeholder?: string) => (
  <Input type="number" min={0} inputMode="numeric" placeholder={placeholder} name={field.name} ref={field.ref} onBlur={field.onBlur} value={field.value === undefined ? '' : String(field.value)} onChange={(event) => field.onChange(event.target.value === '' ? undefined : Number(event.target.value))} />
);

function defaultsOf(plan?: TPlanResource) {
  return {
    slug: plan?.slug ?? '',
    name: plan?.name ?? '',
    description: plan?.description ?? '',
    apis: plan?.apis ?? [],
    rateLimit: { requests: plan?.rateLimit?.requests, per: plan?.rateLimit?.per ?? 'minute', burst: plan?.rateLimit?.burst ?? undefined },
    quota: { requests: plan?.quota?.requests, per: plan?.quota?.per ?? 'month' },
    price: { monthlyCents: plan?.price.monthlyCents ?? 0, overagePer1000Cents: plan?.price.overagePer1000Cents ?? 0, currency: plan?.price.currency ?? 'usd' },
    hardStop: plan?.hardStop ?? true,
    approvalRequired: plan?.approvalRequired ?? false,
  };
}

type Props = { apis: string[]; plan?: TPlanResource; open?: boolean; onOpenChange?: (open: boolean) => void };

/** Create or edit a plan: limits, quota, price, approval and the APIs it covers, checked by the plan schema. */
export function PlanFormDialog({ apis, plan, open: controlled, onOpenChange }: Props) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = onOpenChange ?? setOwn;
  const form = useZodForm(schema as unknown as typeof ZCreatePlanRequest, { defaultValues: defaultsOf(plan) as never });
  async function onSubmit(values: Values) {
    const result = plan ? await updatePlanAction({ ...values, planSlug: plan.slug, rateLimit: values.rateLimit ?? null, quota: values.quota ?? null }) : await createPlanAction(values);
    const saved = actionData(result, { setError: form.setError, fields: FIELDS, rename: (name) => name.replace(/^apis\[\d+\]$/, 'apis') });
    if (!saved) return;
    toast.success(`${plan ? 'Saved' : 'Created'} plan ${saved.name}`);
    setOpen(false);
    if (!plan) form.reset(defaultsOf() as never);
  }
  return (
    <Dialog
      title={plan ? `Edit plan ${plan.name}` : 'New plan'}
      open={open}
      onOpenChange={setOpen}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
      trigger={
        plan ? undefined : (
          <Button>
            <Plus aria-hidden="true" /> New plan
          </Button>
        )
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label={plan ? 'Edit plan' : 'New plan'} className="grid gap-4 sm:grid-cols-2">
        <FormField name="name" label="Name" required />
        <FormField name="slug" label="Slug" required />
        <FormField name="description" label="Description" className="sm:col-span-2">
          {(field) => <Textarea {...field} value={(field.value as string | undefined) ?? ''} rows={2} />}
        </FormField>
        <FormField name="apis" label="APIs this plan covers" className="sm:col-span-2">
          {(field) => (
            <div role="group" className="flex flex-wrap gap-3">
              {apis.length === 0 ? <span className="text-sm text-muted-foreground">No APIs yet.</span> : null}
              {apis.map((slug) => {
                const selected = (field.value as string[] | undefined) ?? [];
                return (
                  <label key={slug} className="flex items-center gap-1.5 text-sm">
                    <Checkbox checked={selected.includes(slug)} onCheckedChange={(checked) => field.onChange(checked ? [...selected, slug] : selected.filter((entry) => entry !== slug))} />
                    {slug}
                  </label>
                );
              })}
            </div>
          )}
        </FormField>
        <FormField name="rateLimit.requests" label="Rate limit (requests)" description="Empty: no rate limit.">{(field) => numberInput(field as never, 'unlimited')}</FormField>
        <FormField name="rateLimit.per" label="Rate limit window">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={PER_RATE} />}
        </FormField>
        <FormField name="quota.requests" label="Quota (requests)" description="Empty: no quota.">{(field) => numberInput(field as never, 'unlimited')}</FormField>
        <FormField name="quota.per" label="Quota period">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={PER_QUOTA} />}
        </FormField>
        <FormField name="price.monthlyCents" label="Price per month (cents)">{(field) => numberInput(field as never)}</FormField>
        <FormField name="price.overagePer1000Cents" label="Overage per 1,000 calls (cents)">{(field) => numberInput(field as never)}</FormField>
        <FormField name="approvalRequired" label="Subscriptions need approval">
          {(field) => <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} />}
        </FormField>
        <FormField name="hardStop" label="Stop at the quota (no overage)">
          {(field) => <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} />}
        </FormField>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {plan ? 'Save plan' : 'Create plan'}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
