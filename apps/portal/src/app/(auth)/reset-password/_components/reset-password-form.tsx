'use client';

import { PASSWORD_MIN_LENGTH, ZResetPasswordRequest, type TResetPasswordRequest } from '@tollgate/contracts';
import { Button, Form, FormField, Input, useZodForm } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { AuthLink, AuthNotice } from '../../_components/auth-card';
import { resetPasswordAction } from '../actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const form = useZodForm(ZResetPasswordRequest, { defaultValues: { token, password: '' } });
  async function onSubmit(values: TResetPasswordRequest) {
    if (actionData(await resetPasswordAction(values), { setError: form.setError, fields: ['password'] })) setDone(true);
  }
  if (done) {
    return (
      <div className="grid gap-4">
        <AuthNotice tone="success">Your password is changed. Sign in with the new one.</AuthNotice>
        <AuthLink href="/signin">Sign in</AuthLink>
      </div>
    );
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label="Choose a new password" className="gap-4">
      <FormField name="password" label="New password" required description={`At least ${PASSWORD_MIN_LENGTH} characters; not your email or a common password.`}>
        {(field) => <Input {...field} type="password" autoComplete="new-password" value={(field.value as string | undefined) ?? ''} />}
      </FormField>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Set new password
      </Button>
    </Form>
  );
}
