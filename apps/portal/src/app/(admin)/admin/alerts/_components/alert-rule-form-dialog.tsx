'use client';

import { ALERT_METRIC_UNIT, type TAlertRule } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Input, Select, Switch, Textarea, toast, useZodForm, type SelectOption } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { createAlertRuleAction, updateAlertRuleAction } from '../actions';
import { ALERT_FORM_FIELDS, EVERY_API, formDefaults, formFieldOf, METRIC_OPTIONS, toUpdate, ZAlertRuleForm } from './alert-rule-form-schema';

const text = (field: { value?: unknown }) => ({ ...field, value: (field.value as string | undefined) ?? '' });

/** A number input bound to a numeric field: empty is undefined, so the schema says "must be a number". */
function NumberInput({ field, ...props }: { field: { name: string; value?: unknown; onChange: (value: unknown) => void; onBlur: () => void; ref: unknown } } & Omit<React.ComponentProps<typeof Input>, 'value' | 'onChange'>) {
  return (
    <Input
      {...props}
      type="number"
      inputMode="decimal"
      name={field.name}
      ref={field.ref as React.Ref<HTMLInputElement>}
      onBlur={field.onBlur}
      value={field.value === undefined || Number.isNaN(field.value) ? '' : String(field.value)}
      onChange={(event) => field.onChange(event.target.value === '' ? undefined : Number(event.target.value))}
    />
  );
}

export type AlertRuleChoices = { apis: string[]; subscriptions: SelectOption[] };

type Props = AlertRuleChoices & { rule?: TAlertRule; open?: boolean; onOpenChange?: (open: boolean) => void };

/** Create or edit an alert rule: the same rules as the admin API, checked here and on the server. */
export function AlertRuleFormDialog({ apis, subscriptions, rule, open: controlled, onOpenChange }: Props) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = onOpenChange ?? setOwn;
  const form = useZodForm(ZAlertRuleForm, { defaultValues: formDefaults(rule) });
  const metric = useWatch({ control: form.control, name: 'metric' });
  const unit = ALERT_METRIC_UNIT[metric];
  async function onSubmit(request: z.output<typeof ZAlertRuleForm>) {
    const result = rule ? await updateAlertRuleAction({ id: rule.id, ...toUpdate(request) }) : await createAlertRuleAction(request);
    const saved = actionData(result, { setError: form.setError, fields: ALERT_FORM_FIELDS, rename: formFieldOf });
    if (!saved) return;
    toast.success(`${rule ? 'Saved' : 'Created'} alert ${saved.name}`);
    setOpen(false);
    if (!rule) form.reset(formDefaults());
  }
  return (
    <Dialog
      title={rule ? `Edit alert ${rule.name}` : 'New alert'}
      description="The worker checks every rule each minute and sends a webhook and a mail when it fires and when it recovers."
      open={open}
      onOpenChange={setOpen}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
      trigger={
        rule ? undefined : (
          <Button>
            <Plus aria-hidden="true" /> New alert
          </Button>
        )
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label={rule ? 'Edit alert' : 'New alert'} className="grid gap-4 sm:grid-cols-2">
        <FormField name="name" label="Name" required className="sm:col-span-2">
          {(field) => <Input {...text(field)} placeholder="Weather API errors" />}
        </FormField>
        <FormField name="metric" label="Metric" description={METRIC_OPTIONS.find((option) => option.value === metric)?.description}>
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={METRIC_OPTIONS.map(({ value, label }) => ({ value, label }))} />}
        </FormField>
        {metric === 'quota_used' ? (
          <FormField name="subscription" label="Subscription" required>
            {(field) => <Select value={(field.value as string) || undefined} onValueChange={field.onChange} placeholder={subscriptions.length ? 'Choose a subscription' : 'No subscriptions yet'} options={subscriptions} disabled={subscriptions.length === 0} />}
          </FormField>
        ) : (
          <FormField name="api" label="API" description="Only this API's calls, or every API.">
            {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={[{ value: EVERY_API, label: 'Every API' }, ...apis.map((slug) => ({ value: slug, label: slug }))]} />}
          </FormField>
        )}
        <FormField name="threshold" label={`Threshold (${unit})`} description={`Fires above this ${unit === '%' ? 'share' : 'latency'}.`} required>
          {(field) => <NumberInput field={field} min={0} step="any" />}
        </FormField>
        {metric === 'quota_used' ? null : (
          <FormField name="windowMinutes" label="Window (minutes)" description="The minutes of traffic each check reads, 1 to 1440." required>
            {(field) => <NumberInput field={field} min={1} max={1440} step={1} />}
          </FormField>
        )}
        <FormField name="mailTo" label="Mail to" description="Addresses separated by commas; none sends no mail." className="sm:col-span-2">
          {(field) => <Textarea {...text(field)} rows={2} placeholder="ops@example.com, oncall@example.com" />}
        </FormField>
        <FormField name="webhook" label="Send webhook events" description="dev.tollgate.alert.fired and .recovered, to the platform's webhooks that want them." className="sm:col-span-2">
          {(field) => <Switch checked={Boolean(field.value)} onCheckedChange={field.onChange} onBlur={field.onBlur} name={field.name} />}
        </FormField>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {rule ? 'Save alert' : 'Create alert'}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
