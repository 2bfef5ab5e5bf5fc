'use client';

import { Button, FormField, Input } from '@tollgate/ui';
import { Plus, X } from 'lucide-react';
import { useId } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { numberInput } from './field-controls';
import { RowLabel } from './row-label';
import type { TUpstreamFormValues } from './upstream-form-values';

/** The upstream's targets: URL, weight and the version each serves (for a traffic split). */
export function TargetFields() {
  const { control } = useFormContext<TUpstreamFormValues>();
  const targets = useFieldArray({ control, name: 'targets' });
  const hintId = useId();
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-semibold text-foreground">Targets</legend>
      <p id={hintId} className="-mt-1 text-xs text-muted-foreground">
        A host name is looked up again when its DNS TTL runs out; each address it resolves to is balanced and health-checked on its own. A name that does not resolve is refused.
      </p>
      {targets.fields.map((target, index) => (
        <div key={target.id} className="grid grid-cols-[5rem_minmax(0,1fr)_auto] items-start gap-2 sm:grid-cols-[minmax(0,1fr)_5.5rem_9rem_auto]">
          <FormField name={`targets.${index}.url`} label={`Target ${index + 1} URL`} className="col-span-3 sm:col-span-1">
            {(field) => <Input {...field} value={field.value ?? ''} aria-describedby={hintId} />}
          </FormField>
          <FormField name={`targets.${index}.weight`} label={<RowLabel row={`Target ${index + 1}`} text="Weight" />}>
            {(field) => numberInput(field as never, { min: 0 })}
          </FormField>
          <FormField name={`targets.${index}.version`} label={<RowLabel row={`Target ${index + 1}`} text="Version" />}>
            {(field) => <Input {...field} value={field.value ?? ''} placeholder="none" />}
          </FormField>
          <Button type="button" variant="ghost" size="icon" className="mt-6" aria-label={`Remove target ${index + 1}`} disabled={targets.fields.length === 1} onClick={() => targets.remove(index)}>
            <X aria-hidden="true" />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" size="sm" onClick={() => targets.append({ url: '', weight: 1, version: '' })}>
          <Plus aria-hidden="true" /> Add target
        </Button>
      </div>
    </fieldset>
  );
}
