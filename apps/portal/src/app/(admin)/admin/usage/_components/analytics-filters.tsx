'use client';

import { Button, Form, FormField, Input, useZodForm } from '@tollgate/ui';
import { useQueryStates } from 'nuqs';
import { useEffect, useTransition } from 'react';
import { ANALYTICS_FORM_FIELDS, analyticsFormValues, ZAnalyticsFilterForm, type AnalyticsFormField } from './analytics-filter-form';
import { analyticsSearchParams } from './analytics-search-params';

/**
 * The dashboard's filters and custom range, written to the URL on Apply (a from/to replaces the
 * named range). `fixed` hides the dimension the page is about (the API of an API's page).
 */
export function AnalyticsFilters({ fixed }: { fixed?: AnalyticsFormField }) {
  const [pending, startTransition] = useTransition();
  const [view, setView] = useQueryStates(analyticsSearchParams, { shallow: false, startTransition, history: 'push', scroll: false });
  const form = useZodForm(ZAnalyticsFilterForm, { defaultValues: analyticsFormValues(view), mode: 'onSubmit' });
  const shown = JSON.stringify(view);
  useEffect(() => form.reset(analyticsFormValues(JSON.parse(shown) as typeof view)), [form, shown]);
  const editable = ANALYTICS_FORM_FIELDS.filter((field) => field !== fixed);
  const active = editable.some((field) => view[field]);
  const field = (name: AnalyticsFormField, label: string, props: { placeholder?: string; mono?: boolean; description?: string; className?: string } = {}) =>
    name === fixed ? null : (
      <FormField name={name} label={label} description={props.description} className={props.className}>
        {(control) => <Input {...control} placeholder={props.placeholder} className={props.mono ? 'font-mono' : undefined} />}
      </FormField>
    );
  return (
    <Form
      form={form}
      aria-label="Filter the analytics"
      className="grid grid-cols-2 items-start gap-3 rounded-xl border border-border bg-card p-4 lg:grid-cols-4"
      onSubmit={(filter) => {
        const custom = filter.from !== undefined && filter.to !== undefined;
        void setView({
          ...Object.fromEntries(editable.map((name) => [name, (filter as Record<string, string | undefined>)[name] ?? null])),
          ...(custom ? { range: null } : { from: null, to: null }),
        });
      }}
    >
      {field('api', 'API', { placeholder: 'API slug' })}
      {field('app', 'App', { placeholder: 'app slug' })}
      {field('plan', 'Plan', { placeholder: 'plan slug' })}
      {field('key', 'Key prefix', { placeholder: 'tg_live_…', mono: true })}
      {field('route', 'Route', { placeholder: 'GET /forecast/{city}', mono: true, className: 'col-span-2' })}
      {field('status', 'Status class', { placeholder: 'e.g. 5xx' })}
      {field('upstreamVersion', 'Upstream version', { placeholder: 'e.g. canary' })}
      <FormField name="from" label="From (UTC)" description="A custom range: both ends" className="col-span-2 lg:col-span-1">
        {(control) => <Input {...control} type="datetime-local" className="min-w-0" />}
      </FormField>
      <FormField name="to" label="To (UTC)" description="At most 90 days after From" className="col-span-2 lg:col-span-1">
        {(control) => <Input {...control} type="datetime-local" className="min-w-0" />}
      </FormField>
      <div className="col-span-2 flex justify-end gap-2 self-end">
        <Button type="submit" loading={pending}>
          Apply
        </Button>
        {active ? (
          <Button type="button" variant="ghost" onClick={() => void setView(Object.fromEntries(editable.map((name) => [name, null])))}>
            Clear
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
