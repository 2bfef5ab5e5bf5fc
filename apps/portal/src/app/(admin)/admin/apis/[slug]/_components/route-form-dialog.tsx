'use client';

import { ZHttpMethod, type TRouteResource } from '@tollgate/contracts';
import { Button, Checkbox, Dialog, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { createRouteAction, updateRouteAction } from '../../actions';
import { actionData } from '../../_components/action-result';
import { BackendSection } from './backend/backend-section';
import { numberInput, optionalTextInput, switchInput } from './field-controls';
import { routeFormFieldName, routeFormValues, ZRouteFormValues, type TRouteFormValues } from './route-form-values';
import { RouteSplitSection } from './route-split-section';

const AUTH = ['key', 'jwt', 'key-or-jwt', 'none'].map((value) => ({ value, label: value }));
const LIMIT_BY = ['subscription', 'key', 'ip'].map((value) => ({ value, label: value }));
const FIELDS = Object.keys(ZRouteFormValues.in.shape);

/** What the form emptied (a cache TTL, a rewrite, a backend set back to proxy, a split turned off) is sent as null, which removes it from the route. */
function clearedFields(route: TRouteResource, values: Record<string, unknown>): Record<string, null> {
  return Object.fromEntries(Object.keys(routeFormValues(route)).filter((name) => values[name] === undefined).map((name) => [name, null]));
}

/** Add or edit a route; the form validates with the route schema the gateway compiles, policies included. */
export function RouteFormDialog({ apiSlug, route, versions, trigger }: { apiSlug: string; route?: TRouteResource; versions: readonly string[]; trigger?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const form = useZodForm(ZRouteFormValues, { defaultValues: routeFormValues(route) as never });
  async function onSubmit(values: typeof ZRouteFormValues._zod.output) {
    const rows = form.getValues() as TRouteFormValues;
    const result = route ? await updateRouteAction({ ...values, ...clearedFields(route, values), apiSlug, routeId: route.id }) : await createRouteAction({ ...values, apiSlug });
    const saved = actionData(result, { setError: form.setError, fields: FIELDS, rename: (name) => routeFormFieldName(name, rows) });
    if (!saved) return;
    toast.success(`${route ? 'Saved' : 'Added'} ${saved.key}`);
    setOpen(false);
    if (!route) form.reset(routeFormValues() as never);
  }
  return (
    <Dialog
      title={route ? `Edit ${route.key}` : 'Add route'}
      open={open}
      onOpenChange={setOpen}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
      trigger={
        trigger ?? (
          <Button variant="secondary" size="sm">
            <Plus aria-hidden="true" /> Add route
          </Button>
        )
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label={route ? 'Edit route' : 'Add route'} className="grid gap-4 sm:grid-cols-2">
        <FormField name="methods" label="Methods" className="sm:col-span-2">
          {(field) => (
            <div role="group" className="flex flex-wrap gap-3">
              {ZHttpMethod.options.map((method) => {
                const selected = (field.value as string[] | undefined) ?? [];
                return (
                  <label key={method} className="flex items-center gap-1.5 font-mono text-xs">
                    <Checkbox checked={selected.includes(method)} onCheckedChange={(checked) => field.onChange(checked ? [...selected, method] : selected.filter((entry) => entry !== method))} />
                    {method}
                  </label>
                );
              })}
            </div>
          )}
        </FormField>
        <FormField name="path" label="Path" required description="After the base path; {param} segments and a trailing * are allowed." />
        <FormField name="auth" label="Authentication">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={AUTH} />}
        </FormField>
        <FormField name="weight" label="Weight" description="Units counted per call.">{(field) => numberInput(field as never, { min: 0 })}</FormField>
        <FormField name="rewrite" label="Rewrite to" description="Upstream path template (optional).">
          {(field) => optionalTextInput(field as never)}
        </FormField>
        <FormField name="timeoutMs" label="Timeout (ms)" description="Overrides the upstream's timeout.">{(field) => numberInput(field as never, { min: 1, placeholder: 'upstream default' })}</FormField>
        <FormField name="maxBodyBytes" label="Max body (bytes)">{(field) => numberInput(field as never, { min: 0 })}</FormField>
        <FormField name="cache" label="Cache TTL (seconds)" description="GET and HEAD responses; empty: no cache.">
          {(field) => {
            const cache = field.value as { ttlSeconds?: number; vary?: string[] } | undefined;
            return numberInput({ ...field, value: cache?.ttlSeconds, onChange: (ttl: number | undefined) => field.onChange(ttl === undefined ? undefined : { ttlSeconds: ttl, vary: cache?.vary ?? [] }) } as never, { min: 1, placeholder: 'no cache' });
          }}
        </FormField>
        <FormField name="limitBy" label="Count limits per">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={LIMIT_BY} />}
        </FormField>
        <FormField name="stripBasePath" label="Strip base path">{(field) => switchInput(field as never)}</FormField>
        <FormField name="validateRequest" label="Validate requests against the OpenAPI document">{(field) => switchInput(field as never)}</FormField>
        <FormField name="allowQueryKey" label="Accept the key in the query string">{(field) => switchInput(field as never)}</FormField>
        <BackendSection />
        <RouteSplitSection versions={versions} />
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {route ? 'Save route' : 'Add route'}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
