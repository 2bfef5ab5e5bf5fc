'use client';

import { ZCreateApiRequest } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Select, Textarea, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createApiAction } from '../actions';
import { actionData } from './action-result';
import { VISIBILITY_OPTIONS } from './apis-table-params';

const schema = ZCreateApiRequest.pick({ slug: true, name: true, basePath: true, description: true, visibility: true });
const FIELDS = ['slug', 'name', 'basePath', 'description', 'visibility'];

/** "New API": the create form in a dialog; field errors from the shared schema, then from the server. */
export function NewApiDialog() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useZodForm(schema, { defaultValues: { slug: '', name: '', basePath: '/', description: '', visibility: 'public' } });
  async function onSubmit(values: typeof schema._zod.output) {
    const api = actionData(await createApiAction(values), { setError: form.setError, fields: FIELDS });
    if (!api) return;
    toast.success(`Created ${api.name}`);
    setOpen(false);
    form.reset();
    router.push(`/admin/apis/${api.slug}`);
  }
  return (
    <Dialog
      title="New API"
      description="It starts as a draft: add routes and an upstream, then publish it."
      open={open}
      className="max-h-[90vh] overflow-y-auto"
      onOpenChange={setOpen}
      trigger={
        <Button variant="secondary">
          <Plus aria-hidden="true" /> New API
        </Button>
      }
    >
      <Form form={form} onSubmit={onSubmit} aria-label="New API">
        <FormField name="name" label="Name" required />
        <FormField name="slug" label="Slug" required description="Lowercase letters, digits and dashes; used in URLs and the config file." />
        <FormField name="basePath" label="Base path" required description="The gateway path prefix, e.g. /weather." />
        <FormField name="visibility" label="Visibility">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={VISIBILITY_OPTIONS} />}
        </FormField>
        <FormField name="description" label="Description">
          {(field) => <Textarea {...field} value={(field.value as string | undefined) ?? ''} rows={3} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Create API
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
