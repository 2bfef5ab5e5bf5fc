'use client';

import { ZAdminRole, type TAdminRole, type TAdminUser } from '@tollgate/contracts';
import { Button, Dialog, Form, FormField, Select, toast, useZodForm } from '@tollgate/ui';
import { z } from 'zod';
import { actionData } from '../../apis/_components/action-result';
import { updateAdminUserAction } from '../actions';
import { grantableRoles } from './role-options';

const schema = z.object({ role: ZAdminRole });

/** Changes one admin user's role; the server keeps the last owner and the owner-only rules. */
export function ChangeRoleDialog({ user, ownRole, onClose }: { user: TAdminUser; ownRole: TAdminRole; onClose: () => void }) {
  const form = useZodForm(schema, { defaultValues: { role: user.role } });
  async function onSubmit(values: z.output<typeof schema>) {
    const saved = actionData(await updateAdminUserAction({ id: user.id, role: values.role }), { setError: form.setError, fields: ['role'] });
    if (!saved) return;
    toast.success(`${saved.email} is now ${saved.role}`);
    onClose();
  }
  return (
    <Dialog title={`Role of ${user.email}`} open onOpenChange={(open) => !open && onClose()}>
      <Form form={form} onSubmit={onSubmit} aria-label={`Change the role of ${user.email}`}>
        <FormField name="role" label="Role">
          {(field) => <Select value={field.value as string} onValueChange={field.onChange} options={grantableRoles(ownRole)} />}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save role
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
