'use client';

import { ZCreateAdminUserRequest, type TAdminRole, type TCreatedAdminUser } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Input, Select, toast, useZodForm } from '@tollgate/ui';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { SecretOnce } from '../../admin-tokens/_components/secret-once';
import { inviteAdminUserAction } from '../actions';
import { grantableRoles } from './role-options';

/** The request schema; an empty password field asks for a temporary one. */
const schema = ZCreateAdminUserRequest.extend({ password: z.union([z.literal(''), ZCreateAdminUserRequest.shape.password.unwrap()]).optional() });
const DEFAULTS = { email: '', name: '', role: 'viewer' as const, password: '' };

/** Adds an admin user; without a password a temporary one is generated and shown once. */
export function InviteAdminUserDialog({ ownRole }: { ownRole: TAdminRole }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<TCreatedAdminUser | null>(null);
  const form = useZodForm(schema, { defaultValues: DEFAULTS });
  async function onSubmit(values: z.output<typeof schema>) {
    const { password, ...rest } = values;
    const user = actionData(await inviteAdminUserAction({ ...rest, ...(password ? { password } : {}) }), { setError: form.setError, fields: ['email', 'name', 'role', 'password'] });
    if (!user) return;
    toast.success(`Added ${user.email}`);
    form.reset(DEFAULTS);
    if (user.temporaryPassword) setCreated(user);
    else setOpen(false);
  }
  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setCreated(null);
  }
  return (
    <Dialog
      title={created ? `Temporary password for ${created.email}` : 'Add an admin user'}
      description={created ? undefined : 'They sign in at /signin with their email and this password.'}
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button>
          <UserPlus aria-hidden="true" /> Add admin user
        </Button>
      }
      footer={created ? <Button onClick={() => onOpenChange(false)}>Done</Button> : undefined}
    >
      {created?.temporaryPassword ? (
        <SecretOnce label="Temporary password" value={created.temporaryPassword}>
          Hand it over privately.
        </SecretOnce>
      ) : (
        <Form form={form} onSubmit={onSubmit} aria-label="Add an admin user">
          <FormField name="email" label="Email" required>
            {(field) => <Input {...field} type="email" autoComplete="off" value={(field.value as string | undefined) ?? ''} />}
          </FormField>
          <FormField name="name" label="Name" required />
          <FormField name="role" label="Role">
            {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={grantableRoles(ownRole)} />}
          </FormField>
          <FormField name="password" label="Password" description="Empty: a temporary password is generated and shown once.">
            {(field) => <Input {...field} type="password" autoComplete="new-password" value={(field.value as string | undefined) ?? ''} />}
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Add admin user
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}
