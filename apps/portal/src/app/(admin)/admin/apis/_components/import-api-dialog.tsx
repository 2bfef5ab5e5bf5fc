'use client';

import { ZImportApiRequest } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Tabs, Textarea, TextFileInput, toast, useZodForm } from '@tollgate/ui';
import { Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { importApiAction } from '../actions';
import { actionData } from './action-result';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const schema = z.object({
  kind: z.enum(['text', 'url']),
  text: z.string(),
  url: z.string(),
  slug: optional(ZImportApiRequest.shape.slug.unwrap()),
  name: optional(ZImportApiRequest.shape.name.unwrap()),
  basePath: optional(ZImportApiRequest.shape.basePath.unwrap()),
}).superRefine((values, ctx) => {
  const source = ZImportApiRequest.shape.source.safeParse(values.kind === 'text' ? { kind: 'text', text: values.text } : { kind: 'url', url: values.url });
  for (const issue of source.success ? [] : source.error.issues) ctx.addIssue({ code: 'custom', path: [values.kind], message: issue.message });
});
type Values = z.output<typeof schema>;
const FIELDS = ['text', 'url', 'slug', 'name', 'basePath'];
/** The operation names the document's fields `source.text`/`source.url`; this form has them as `text`/`url`. */
const renamed = (name: string) => name.replace(/^source\./, '');

/** Import an OpenAPI 3.0/3.1 document: upload a file, paste it, or give a URL for the server to fetch. */
export function ImportApiDialog({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useZodForm(schema, { defaultValues: { kind: 'text', text: '', url: '', slug: '', name: '', basePath: '' } });
  const kind = form.watch('kind');
  async function onSubmit(values: Values) {
    const source = values.kind === 'text' ? { kind: 'text' as const, text: values.text } : { kind: 'url' as const, url: values.url };
    const result = await importApiAction({ source, slug: values.slug, name: values.name, basePath: values.basePath });
    const imported = actionData(result, { setError: form.setError, fields: FIELDS, rename: renamed });
    if (!imported) return;
    toast.success(`${imported.created ? 'Imported' : 'Updated'} ${imported.api.name}: ${imported.routes.created.length} new routes`);
    setOpen(false);
    form.reset();
    router.push(`/admin/apis/${imported.api.slug}`);
  }
  const sourceTabs = [
    {
      value: 'text',
      label: 'File or paste',
      content: (
        <div className="grid gap-3">
          <TextFileInput label="OpenAPI file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" onText={(text) => form.setValue('text', text, { shouldValidate: true })} />
          <FormField name="text" label="OpenAPI document (YAML or JSON)">
            {(field) => <Textarea {...field} rows={8} className="font-mono text-xs" placeholder="openapi: 3.1.0" />}
          </FormField>
        </div>
      ),
    },
    {
      value: 'url',
      label: 'URL',
      content: <FormField name="url" label="Document URL" description="Fetched by the server: http(s) only; private, loopback and metadata addresses are refused." />,
    },
  ];
  return (
    <Dialog
      title="Import OpenAPI"
      description="Creates the API, or updates the one with the same slug, with a route per path and method."
      open={open}
      onOpenChange={setOpen}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
      trigger={
        <Button variant={variant}>
          <Upload aria-hidden="true" /> Import OpenAPI
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label="Import OpenAPI">
        <Tabs aria-label="Where the document comes from" value={kind} onValueChange={(value) => form.setValue('kind', value as 'text' | 'url')} items={sourceTabs} />
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm text-muted-foreground">Optional: otherwise taken from the document (info.title) and /slug.</legend>
          <FormField name="slug" label="Slug" />
          <FormField name="name" label="Name" />
          <FormField name="basePath" label="Base path" />
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Import
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
