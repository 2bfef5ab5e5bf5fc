'use client';

import { USAGE_OUTCOME_LABELS, USAGE_OUTCOMES } from '@tollgate/domain';
import { Button, Form, FormField, Input, Select, useTableState, useZodForm } from '@tollgate/ui';
import { useEffect } from 'react';
import { ANY_OUTCOME, filterFormValues, REQUEST_LOG_FILTER_FIELDS, ZRequestLogFilterForm } from './request-log-filter-form';

const OUTCOME_OPTIONS = [{ value: ANY_OUTCOME, label: 'Any outcome' }, ...USAGE_OUTCOMES.map((outcome) => ({ value: outcome, label: USAGE_OUTCOME_LABELS[outcome] }))];
import { REQUEST_LOG_TABLE } from './request-log-table-spec';

/** Every filter the operation takes, in the URL on Apply, so a view of the log can be shared. */
export function RequestLogFilters() {
  const controls = useTableState(REQUEST_LOG_TABLE);
  const { filters } = controls.state;
  const live = filters.live === '1';
  const form = useZodForm(ZRequestLogFilterForm, { defaultValues: filterFormValues(filters), mode: 'onSubmit' });
  const shown = JSON.stringify(filters);
  useEffect(() => form.reset(filterFormValues(JSON.parse(shown) as Record<string, string>)), [form, shown]);

  const active = REQUEST_LOG_FILTER_FIELDS.some((field) => filters[field] !== undefined);
  return (
    <Form
      form={form}
      aria-label="Filter the request log"
      className="grid grid-cols-2 items-start gap-3 rounded-xl border border-border bg-card p-4 lg:grid-cols-4"
      onSubmit={(filter) => {
        for (const field of REQUEST_LOG_FILTER_FIELDS) {
          const value = filter[field];
          controls.setFilter(field, value === undefined ? null : String(value));
        }
      }}
    >
      <FormField name="requestId" label="Request id" className="col-span-2 lg:col-span-1">
        {(field) => <Input {...field} className="font-mono" />}
      </FormField>
      <FormField name="status" label="Status" description="404, or 2xx, 4xx, 5xx">
        {(field) => <Input {...field} placeholder="e.g. 5xx" />}
      </FormField>
      <FormField name="outcome" label="Outcome" description="A limit's 429 apart from a quota's">
        {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={OUTCOME_OPTIONS} placeholder="Any outcome" />}
      </FormField>
      <FormField name="latencyOverMs" label="Slower than (ms)">
        {(field) => <Input {...field} inputMode="numeric" placeholder="e.g. 500" />}
      </FormField>
      <FormField name="app" label="App">
        {(field) => <Input {...field} placeholder="app slug" />}
      </FormField>
      <FormField name="key" label="Key prefix">
        {(field) => <Input {...field} className="font-mono" placeholder="tg_live_…" />}
      </FormField>
      <FormField name="api" label="API">
        {(field) => <Input {...field} placeholder="API slug" />}
      </FormField>
      <FormField name="upstreamVersion" label="Upstream version" className="col-span-2 lg:col-span-1">
        {(field) => <Input {...field} placeholder="e.g. canary" />}
      </FormField>
      <FormField name="route" label="Route" className="col-span-2">
        {(field) => <Input {...field} className="font-mono" placeholder="GET /forecast/{city}" />}
      </FormField>
      <FormField name="from" label="From (UTC)" description={live ? 'Live shows the last 5 minutes' : 'Default: 24 hours before the end'} className="col-span-2 lg:col-span-1">
        {(field) => <Input {...field} type="datetime-local" className="min-w-0" disabled={live} />}
      </FormField>
      <FormField name="to" label="Before (UTC)" description={live ? undefined : 'Default: now; at most 7 days after From'} className="col-span-2 lg:col-span-1">
        {(field) => <Input {...field} type="datetime-local" className="min-w-0" disabled={live} />}
      </FormField>
      <div className="col-span-2 flex justify-end gap-2 self-end">
        <Button type="submit" loading={controls.pending}>
          Apply
        </Button>
        {active ? (
          <Button type="button" variant="ghost" onClick={() => REQUEST_LOG_FILTER_FIELDS.forEach((field) => controls.setFilter(field, null))}>
            Clear
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
