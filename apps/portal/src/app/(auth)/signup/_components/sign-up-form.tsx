'use client';

import { PASSWORD_MIN_LENGTH, ZSignUpRequest, type TSignUpRequest } from '@tollgate/contracts';
import { Button, Form, FormField, Input, useZodForm } from '@tollgate/ui';
import { useState } from 'react';
import { actionData } from '../../../(admin)/admin/apis/_components/action-result';
import { AuthLink, AuthNotice } from '../../_components/auth-card';
import { signUpAction } from '../actions';

const FIELDS = ['name', 'email', 'password'] as const;

type Done = { email: string; verificationSent: boolean; teamName: string };

/** Sign-up; with an invite the address is fixed to the invited one and the person joins that team. */
export function SignUpForm({ inviteToken, invitedEmail }: { inviteToken?: string; invitedEmail?: string }) {
  const [done, setDone] = useState<Done | null>(null);
  const form = useZodForm(ZSignUpRequest, { defaultValues: { name: '', email: invitedEmail ?? '', password: '', ...(inviteToken ? { inviteToken } : {}) } });

  async function onSubmit(values: TSignUpRequest) {
    const result = actionData(await signUpAction(values), { setError: form.setError, fields: FIELDS });
    if (result) setDone(result);
  }

  if (done?.verificationSent) {
    return (
      <AuthNotice tone="success">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1">
          We sent a link to <strong>{done.email}</strong>. Follow it within 24 hours to confirm the address, then sign in.
        </p>
      </AuthNotice>
    );
  }
  if (done) {
    return (
      <div className="grid gap-4">
        <AuthNotice tone="success">
          Your account is ready and you joined <strong>{done.teamName}</strong>.
        </AuthNotice>
        <Button asChild>
          <a href="/signin?callbackUrl=%2Fteam">Sign in</a>
        </Button>
      </div>
    );
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label="Create an account" className="gap-4">
      <FormField name="name" label="Name" required>
        {(field) => <Input {...field} autoComplete="name" value={(field.value as string | undefined) ?? ''} />}
      </FormField>
      <FormField name="email" label="Email" required description={invitedEmail ? 'The address the invite was sent to.' : undefined}>
        {(field) => <Input {...field} type="email" autoComplete="email" readOnly={Boolean(invitedEmail)} value={(field.value as string | undefined) ?? ''} />}
      </FormField>
      <FormField name="password" label="Password" required description={`At least ${PASSWORD_MIN_LENGTH} characters; not your email or a common password.`}>
        {(field) => <Input {...field} type="password" autoComplete="new-password" value={(field.value as string | undefined) ?? ''} />}
      </FormField>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Create account
      </Button>
      <p className="text-center text-xs text-muted-foreground">
        Already have an account? <AuthLink href="/signin">Sign in</AuthLink>
      </p>
    </Form>
  );
}
