'use client';

import { Button, FormField, Input } from '@tollgate/ui';
import { Plus, X } from 'lucide-react';
import { get, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { numberInput } from './field-controls';
import { RowLabel } from './row-label';
import type { TSplitFormValues } from './split-form-values';

/** The split's weights: a version and its percent per row, with their running sum. */
export function SplitWeightsFields({ prefix, versionList }: { prefix: string; versionList: string }) {
  const name = `${prefix}.weights`;
  const { control, formState, trigger } = useFormContext();
  const rows = useFieldArray({ control, name });
  // react-hook-form checks again only the row that changed, never the sum over the list: once
  // the form was sent, the whole list is checked on each change, so a fixed sum clears its error.
  function checkList() {
    if (formState.isSubmitted) void trigger(name);
  }
  const weights = (useWatch({ control, name }) ?? []) as TSplitFormValues['weights'];
  const percents = weights.map((row) => row.percent ?? 0);
  const listError = (get(formState.errors, name) as { root?: { message?: string } } | undefined)?.root?.message;
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-medium text-foreground">Weights</legend>
      <p className="-mt-1 text-xs text-muted-foreground">The share of the requests that no rule decides, per version.</p>
      {rows.fields.map((row, index) => (
        <div key={row.id} className="grid grid-cols-[minmax(0,1fr)_6rem_auto] items-start gap-2 sm:max-w-md">
          <FormField name={`${name}.${index}.version`} label={<RowLabel row={`Share ${index + 1}`} text="Version" />}>
            {(field) => <Input {...field} value={(field.value as string | undefined) ?? ''} onChange={(event) => {
                  field.onChange(event);
                  checkList();
                }} list={versionList} autoComplete="off" />}
          </FormField>
          <FormField name={`${name}.${index}.percent`} label={<RowLabel row={`Share ${index + 1}`} text="Percent" />}>
            {(field) => numberInput({ ...field, onChange: (percent: number | undefined) => {
                  field.onChange(percent);
                  checkList();
                }, } as never, { min: 0 })}
          </FormField>
          <Button type="button" variant="ghost" size="icon" className="mt-6" aria-label={`Remove share ${index + 1}`} disabled={rows.fields.length === 1} onClick={() => rows.remove(index)}>
            <X aria-hidden="true" />
          </Button>
        </div>
      ))}
      <p className="text-sm tabular-nums text-muted-foreground" aria-live="polite">
        Sum: {percents.join(' + ')} = <span className="font-semibold text-foreground">{percents.reduce((sum, percent) => sum + percent, 0)}</span>
      </p>
      {listError ? (
        <p role="alert" className="-mt-2 text-xs font-medium text-destructive">
          Weights {listError}
        </p>
      ) : null}
      <div>
        <Button type="button" variant="secondary" size="sm" onClick={() => rows.append({ version: '', percent: 0 })}>
          <Plus aria-hidden="true" /> Add version
        </Button>
      </div>
    </fieldset>
  );
}
