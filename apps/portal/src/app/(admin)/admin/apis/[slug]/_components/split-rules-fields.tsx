'use client';

import { Button, FormField, Input, Select } from '@tollgate/ui';
import { Plus, X } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { EMPTY_SPLIT_RULE, type TSplitFormValues, type TSplitRuleKind } from './split-form-values';

const KINDS = [
  { value: 'header', label: 'Header' },
  { value: 'cookie', label: 'Cookie' },
  { value: 'plans', label: 'Plan' },
];
const NAME_LABEL: Record<TSplitRuleKind, string> = { header: 'Header name', cookie: 'Cookie name', plans: 'Plans' };

/** The split's rules, tried in the order they are listed, before the weights. */
export function SplitRulesFields({ prefix, versionList }: { prefix: string; versionList: string }) {
  const name = `${prefix}.rules`;
  const { control } = useFormContext();
  const rules = useFieldArray({ control, name });
  const values = (useWatch({ control, name }) ?? []) as TSplitFormValues['rules'];
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-medium text-foreground">Rules</legend>
      <p className="-mt-1 text-xs text-muted-foreground">Tried in order before the weights: a request whose header or cookie matches, or a caller on one of the plans, goes to the rule&apos;s version.</p>
      {rules.fields.map((rule, index) => {
        const kind = values[index]?.kind ?? 'header';
        return (
          <fieldset key={rule.id} className="grid grid-cols-2 items-start gap-3 rounded-md border border-border p-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto] [&>*]:min-w-0">
            <legend className="px-1 text-sm font-medium text-foreground">Rule {index + 1}</legend>
            <FormField name={`${name}.${index}.kind`} label="Match">
              {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={KINDS} />}
            </FormField>
            <FormField name={`${name}.${index}.name`} label={NAME_LABEL[kind]} description={kind === 'plans' ? 'Plan slugs, separated by commas.' : undefined}>
              {(field) => <Input {...field} value={(field.value as string | undefined) ?? ''} autoComplete="off" />}
            </FormField>
            {kind === 'plans' ? null : (
              <FormField name={`${name}.${index}.value`} label="Value" description="Empty: the value names the version.">
                {(field) => <Input {...field} value={(field.value as string | undefined) ?? ''} autoComplete="off" />}
              </FormField>
            )}
            <FormField name={`${name}.${index}.version`} label="Version">
              {(field) => <Input {...field} value={(field.value as string | undefined) ?? ''} list={versionList} autoComplete="off" />}
            </FormField>
            <Button type="button" variant="ghost" size="icon" className="col-span-2 justify-self-end sm:col-span-1 sm:col-start-5 sm:mt-6" aria-label={`Remove rule ${index + 1}`} onClick={() => rules.remove(index)}>
              <X aria-hidden="true" />
            </Button>
          </fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" size="sm" disabled={rules.fields.length >= 50} onClick={() => rules.append(EMPTY_SPLIT_RULE)}>
          <Plus aria-hidden="true" /> Add rule
        </Button>
      </div>
    </fieldset>
  );
}
