'use client';

import { ZEmailOnlyRequest, type TEmailOnlyRequest } from '@tollgate/contracts';
import { Button, Form, FormField, Input, useZodForm } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { AuthNotice } from '../../_components/auth-card';
import { requestPasswordResetAction } from '../actions';

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(ZEmailOnlyRequest, { defaultValues: { email: '' } });
  async function onSubmit(values: TEmailOnlyRequest) {
    const result = actionData(await requestPasswordResetAction(values), { setError: form.setError, fields: ['email'] });
    if (result) setSentTo(result.email);
  }
  if (sentTo) {
    return (
      <AuthNotice tone="success">
        If <strong>{sentTo}</strong> has an account, a link to choose a new password is on its way. It works once, for one hour.
      </AuthNotice>
    );
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label="Reset your password" className="gap-4">
      <FormField name="email" label="Email" required>
        {(field) => <Input {...field} type="email" autoComplete="email" value={(field.value as string | undefined) ?? ''} />}
      </FormField>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Send reset link
      </Button>
    </Form>
  );
}
