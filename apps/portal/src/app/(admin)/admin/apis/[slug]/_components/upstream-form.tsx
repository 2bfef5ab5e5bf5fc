'use client';

import type { TUpstreamResource } from '@tollgate/contracts';
import { Button, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { useWatch } from 'react-hook-form';
import { updateUpstreamAction } from '../../actions';
import { actionData } from '../../_components/action-result';
import { SplitFields } from './split-fields';
import { TargetFields } from './target-fields';
import { upstreamFormFieldName, upstreamFormValues, ZUpstreamFormValues } from './upstream-form-values';

const BALANCING = ['round-robin', 'weighted', 'least-connections'].map((value) => ({ value, label: value }));

export function UpstreamForm({ apiSlug, upstream }: { apiSlug: string; upstream: TUpstreamResource | null }) {
  const form = useZodForm(ZUpstreamFormValues, { defaultValues: upstreamFormValues(upstream) });
  const targets = useWatch({ control: form.control, name: 'targets' });
  const versions = [...new Set(targets.map((target) => target.version.trim()).filter(Boolean))];
  async function onSubmit(update: typeof ZUpstreamFormValues._zod.output) {
    const values = form.getValues();
    const result = await updateUpstreamAction({ ...update, apiSlug });
    if (!actionData(result, { setError: form.setError, fields: ['targets', 'loadBalancing', 'split'], rename: (name) => upstreamFormFieldName(name, values) })) return;
    toast.success('Upstream saved');
    form.reset(values);
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label="Upstream">
      <TargetFields />
      <FormField name="loadBalancing" label="Load balancing" className="max-w-xs">
        {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={BALANCING} />}
      </FormField>
      <SplitFields prefix="split" versions={versions} />
      <div className="flex justify-end">
        <Button type="submit" loading={form.formState.isSubmitting}>
          Save upstream
        </Button>
      </div>
    </Form>
  );
}
