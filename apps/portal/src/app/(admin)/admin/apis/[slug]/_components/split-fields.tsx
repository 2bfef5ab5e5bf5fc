'use client';

import { Field, FormField, Input, Select, Switch } from '@tollgate/ui';
import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { newSplitFormValues, type TSplitFormValues } from './split-form-values';
import { SplitRulesFields } from './split-rules-fields';
import { SplitWeightsFields } from './split-weights-fields';

const STICKY = [
  { value: 'consumer', label: 'By consumer' },
  { value: 'none', label: 'None: each request drawn anew' },
];

/**
 * A traffic split over the upstream's versions, edited at `prefix` of the enclosing form (its
 * values are TSplitFormValues; absent: no split). `versions` are the ones the targets name,
 * offered in every version field. Used for the API's split and a route's own.
 */
export function SplitFields({ prefix, versions }: { prefix: string; versions: readonly string[] }) {
  const { control, setValue, clearErrors } = useFormContext();
  const split = useWatch({ control, name: prefix }) as TSplitFormValues | undefined;
  const listId = useId();
  function turn(on: boolean) {
    clearErrors(prefix);
    setValue(prefix, on ? newSplitFormValues(versions) : undefined, { shouldDirty: true });
  }
  return (
    <fieldset className="grid gap-4">
      <legend className="mb-1 text-sm font-semibold text-foreground">Traffic split</legend>
      <Field label="Split traffic by version" description="Send a share of the requests, or chosen callers, to the targets of one version: a canary, partners on a new release.">
        <Switch checked={split !== undefined} onCheckedChange={turn} />
      </Field>
      {split ? (
        <>
          <SplitWeightsFields prefix={prefix} versionList={listId} />
          <SplitRulesFields prefix={prefix} versionList={listId} />
          <div className="grid items-start gap-3 sm:grid-cols-2">
            <FormField name={`${prefix}.sticky`} label="Sticky" description="By consumer: a caller keeps its version for as long as the weights stay.">
              {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={STICKY} />}
            </FormField>
            <FormField name={`${prefix}.stickyCookie`} label="Sticky cookie" description="Anonymous callers keep their version by this cookie's value; without it, by their address.">
              {(field) => <Input {...field} value={(field.value as string | undefined) ?? ''} placeholder="none" />}
            </FormField>
          </div>
        </>
      ) : null}
      <datalist id={listId}>
        {versions.map((version) => (
          <option key={version} value={version} />
        ))}
      </datalist>
    </fieldset>
  );
}
