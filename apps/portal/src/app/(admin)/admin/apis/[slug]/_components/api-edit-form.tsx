'use client';

import { ZUpdateApiRequest, type TApiResource } from '@tollgate/contracts';
import { Button, Form, FormField, Select, Textarea, toast, useZodForm } from '@tollgate/ui';
import { z } from 'zod';
import { updateApiAction } from '../../actions';
import { actionData } from '../../_components/action-result';
import { VISIBILITY_OPTIONS } from '../../_components/apis-table-params';

const fields = ZUpdateApiRequest.shape;
const schema = z.object({
  name: fields.name.unwrap(),
  description: fields.description.unwrap(),
  basePath: fields.basePath.unwrap(),
  visibility: fields.visibility.unwrap(),
  hosts: listField(fields.hosts.unwrap()),
  tags: listField(fields.tags.unwrap()),
  version: fields.version.unwrap(),
});
const FIELDS = ['name', 'description', 'basePath', 'visibility', 'hosts', 'tags', 'version'];

/** Comma- or space-separated in the form; each item is checked by the same schema on submit. */
function listField<T extends z.ZodType<string[], string[]>>(items: T) {
  return z.string().transform((value) => value.split(/[\s,]+/).filter(Boolean)).pipe(items);
}

export function ApiEditForm({ api }: { api: TApiResource }) {
  const form = useZodForm(schema, { defaultValues: { name: api.name, description: api.description, basePath: api.basePath, visibility: api.visibility, hosts: api.hosts.join(', '), tags: api.tags.join(', '), version: api.version } });
  async function onSubmit(values: z.output<typeof schema>) {
    const updated = actionData(await updateApiAction({ apiSlug: api.slug, ...values }), { setError: form.setError, fields: FIELDS, rename: (name) => name.replace(/^(hosts|tags)\[\d+\]$/, '$1') });
    if (!updated) return;
    toast.success('Saved');
    form.reset({ ...values, hosts: updated.hosts.join(', '), tags: updated.tags.join(', ') });
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label="API settings" className="grid gap-4 sm:grid-cols-2">
      <FormField name="name" label="Name" required />
      <FormField name="basePath" label="Base path" required />
      <FormField name="visibility" label="Visibility" description="Partner APIs are seen and subscribed to only by partner teams.">
        {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={VISIBILITY_OPTIONS} />}
      </FormField>
      <FormField name="hosts" label="Hosts" description="Comma-separated; empty answers on any host." />
      <FormField name="tags" label="Tags" description="Comma-separated; the catalog filters by them." />
      <FormField name="version" label="Version" description="What the API's owners publish, e.g. 1.4.0." />
      <FormField name="description" label="Description" className="sm:col-span-2">
        {(field) => <Textarea {...field} value={(field.value as string | undefined) ?? ''} rows={3} />}
      </FormField>
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
          Save settings
        </Button>
      </div>
    </Form>
  );
}
