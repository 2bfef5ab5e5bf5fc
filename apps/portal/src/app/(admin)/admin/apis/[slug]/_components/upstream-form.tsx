'use client';

import { ZUpdateUpstreamRequest, type TUpstreamResource } from '@tollgate/contracts';
import { Button, Form, FormField, Input, Select, toast, useZodForm } from '@tollgate/ui';
import { Plus, X } from 'lucide-react';
import { useFieldArray } from 'react-hook-form';
import { updateUpstreamAction } from '../../actions';
import { actionData } from '../../_components/action-result';

const BALANCING = ['round-robin', 'weighted', 'least-connections'].map((value) => ({ value, label: value }));

export function UpstreamForm({ apiSlug, upstream }: { apiSlug: string; upstream: TUpstreamResource | null }) {
  const form = useZodForm(ZUpdateUpstreamRequest, {
    defaultValues: { loadBalancing: upstream?.loadBalancing ?? 'round-robin', targets: upstream?.targets.length ? upstream.targets : [{ url: '', weight: 1 }] },
  });
  const targets = useFieldArray({ control: form.control, name: 'targets' });
  async function onSubmit(values: Parameters<typeof updateUpstreamAction>[0]) {
    const saved = actionData(await updateUpstreamAction({ ...values, apiSlug }), { setError: form.setError, fields: ['targets', 'loadBalancing'] });
    if (!saved) return;
    toast.success('Upstream saved');
    form.reset(values);
  }
  return (
    <Form form={form} onSubmit={(values) => onSubmit({ ...values, apiSlug })} aria-label="Upstream">
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-semibold text-foreground">Targets</legend>
        {targets.fields.map((target, index) => (
          <div key={target.id} className="grid grid-cols-[1fr_5.5rem_auto] items-start gap-2">
            <FormField name={`targets.${index}.url`} label={`Target ${index + 1} URL`} />
            <FormField name={`targets.${index}.weight`} label="Weight">
              {(field) => <Input type="number" min={0} max={1000} {...field} value={String(field.value ?? '')} onChange={(event) => field.onChange(event.target.value === '' ? undefined : Number(event.target.value))} />}
            </FormField>
            <Button type="button" variant="ghost" size="icon" className="mt-6" aria-label={`Remove target ${index + 1}`} disabled={targets.fields.length === 1} onClick={() => targets.remove(index)}>
              <X aria-hidden="true" />
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" size="sm" onClick={() => targets.append({ url: '', weight: 1 })}>
            <Plus aria-hidden="true" /> Add target
          </Button>
        </div>
      </fieldset>
      <FormField name="loadBalancing" label="Load balancing" className="max-w-xs">
        {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={BALANCING} />}
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={form.formState.isSubmitting}>
          Save upstream
        </Button>
      </div>
    </Form>
  );
}
