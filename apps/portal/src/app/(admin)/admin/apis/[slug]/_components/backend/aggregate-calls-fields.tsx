'use client';

import { Button, FormField, Input } from '@tollgate/ui';
import { Plus, X } from 'lucide-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { numberInput, optionalTextInput, switchInput } from '../field-controls';
import { EMPTY_CALL } from './backend-kinds';
import { QueryParamsField } from './query-params-field';

const MAX_CALLS = 16;

/** The calls of an aggregate, made in parallel; each answer lands under the call's name. */
export function AggregateCallsFields() {
  const { control, formState } = useFormContext();
  const calls = useFieldArray({ control, name: 'backend.calls' });
  const callsError = formState.errors.backend as { calls?: { message?: string; root?: { message?: string } } } | undefined;
  const listError = callsError?.calls?.message ?? callsError?.calls?.root?.message;
  return (
    <div className="grid gap-3 sm:col-span-2">
      <p className="text-xs text-muted-foreground">
        Placeholders in a path or query value: <code className="font-mono">{'{params.NAME}'}</code>, <code className="font-mono">{'{query.NAME}'}</code>, <code className="font-mono">{'{consumer.id}'}</code>.
      </p>
      {calls.fields.map((call, index) => (
        <fieldset key={call.id} className="grid gap-3 rounded-md border border-border p-3 sm:grid-cols-2 [&>*]:min-w-0">
          <legend className="px-1 text-sm font-medium text-foreground">Call {index + 1}</legend>
          <FormField name={`backend.calls.${index}.name`} label="Name" required description="The answer's key in the merged JSON." />
          <FormField name={`backend.calls.${index}.upstream`} label="Upstream API" description="An API's slug; empty: this API.">
            {(field) => optionalTextInput(field as never, { placeholder: 'this API' })}
          </FormField>
          <FormField name={`backend.calls.${index}.path`} label="Path" required className="sm:col-span-2" description="On the upstream, e.g. /forecast/{params.city}.">
            {(field) => <Input {...field} value={(field.value as string | undefined) ?? ''} className="font-mono" />}
          </FormField>
          <QueryParamsField name={`backend.calls.${index}.query`} className="sm:col-span-2" />
          <FormField name={`backend.calls.${index}.timeoutMs`} label="Timeout (ms)" description="Capped by the route's timeout.">
            {(field) => numberInput(field as never, { min: 1, placeholder: 'route timeout' })}
          </FormField>
          <FormField name={`backend.calls.${index}.optional`} label="Optional" description="When it fails: null and an entry in errors, instead of a 502.">
            {(field) => switchInput(field as never)}
          </FormField>
          <div className="flex justify-end sm:col-span-2">
            <Button type="button" variant="ghost" size="sm" disabled={calls.fields.length === 1} onClick={() => calls.remove(index)}>
              <X aria-hidden="true" /> Remove call {index + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      {listError ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          Calls: {listError}
        </p>
      ) : null}
      <div>
        <Button type="button" variant="secondary" size="sm" disabled={calls.fields.length >= MAX_CALLS} onClick={() => calls.append(EMPTY_CALL)}>
          <Plus aria-hidden="true" /> Add call
        </Button>
      </div>
    </div>
  );
}
