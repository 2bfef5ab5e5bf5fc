'use client';

import { ZCreateAdminTokenRequest, type TCreatedAdminToken } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Input, Select, toast, useZodForm } from '@tollgate/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { createAdminTokenAction } from '../actions';
import { SecretOnce } from './secret-once';

/** The request schema, with the form's date field (a day, or empty for no expiry) read as an instant. */
const schema = z.object({
  name: ZCreateAdminTokenRequest.shape.name,
  role: ZCreateAdminTokenRequest.shape.role,
  expiresOn: z.union([z.literal(''), z.iso.date({ error: 'must be a date' })]).optional(),
});
const ROLES = [
  { value: 'viewer', label: 'viewer: reads only' },
  { value: 'admin', label: 'admin: reads and writes' },
  { value: 'owner', label: 'owner: everything, admin users too' },
];
const DEFAULTS = { name: '', role: 'viewer' as const, expiresOn: '' };

/** Creates a personal admin token and shows it once, with a copy button. */
export function CreateAdminTokenDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<TCreatedAdminToken | null>(null);
  const form = useZodForm(schema, { defaultValues: DEFAULTS });
  async function onSubmit(values: z.output<typeof schema>) {
    const expiresAt = values.expiresOn ? `${values.expiresOn}T23:59:59Z` : undefined;
    const result = await createAdminTokenAction({ name: values.name, role: values.role, ...(expiresAt ? { expiresAt } : {}) });
    const token = actionData(result, { setError: form.setError, fields: ['name', 'role', 'expiresOn'], rename: (name) => (name === 'expiresAt' ? 'expiresOn' : name) });
    if (!token) return;
    toast.success(`Created token ${token.name}`);
    setCreated(token);
    form.reset(DEFAULTS);
  }
  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null);
  }
  return (
    <Dialog
      title={created ? `Token ${created.name}` : 'New admin token'}
      description={created ? undefined : 'For the admin API and the CLI. It acts with its role, never more than yours.'}
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button>
          <Plus aria-hidden="true" /> New token
        </Button>
      }
      footer={created ? <Button onClick={() => onOpenChange(false)}>Done</Button> : undefined}
    >
      {created ? (
        <SecretOnce label="Admin token" value={created.token}>
          Tollgate keeps only its hash.
        </SecretOnce>
      ) : (
        <Form form={form} onSubmit={onSubmit} aria-label="New admin token">
          <FormField name="name" label="Name" description="What uses it, e.g. deploy pipeline." required />
          <FormField name="role" label="Role">
            {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={ROLES} />}
          </FormField>
          <FormField name="expiresOn" label="Expires on" description="Empty: never expires. The token stops working at the end of that day (UTC).">
            {(field) => <Input type="date" {...field} value={(field.value as string | undefined) ?? ''} />}
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Create token
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}
