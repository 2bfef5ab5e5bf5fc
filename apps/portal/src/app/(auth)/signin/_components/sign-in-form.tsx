'use client';

import { Button, Field, Input } from '@tollgate/ui';
import { getSession, signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { EMAIL_NOT_VERIFIED } from '@/lib/auth/auth-error-codes';
import { AuthNotice } from '../../_components/auth-card';
import { ResendVerificationForm } from './resend-verification-form';
import { signInErrorMessage } from './sign-in-error-message';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError ?? '');
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError('');
    setEmail(String(form.get('email') ?? ''));
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (!result || result.error) {
      setError(result?.error ?? 'Default');
      setPending(false);
      return;
    }
    const session = await getSession();
    window.location.assign(callbackUrl || (session?.user?.role === 'admin' ? '/admin' : '/'));
  }

  return (
    <div className="grid gap-5">
      <form className="grid gap-4" onSubmit={onSubmit} noValidate>
        {error ? <AuthNotice tone="error">{signInErrorMessage(error)}</AuthNotice> : null}
        <Field label="Email">
          <Input name="email" type="email" autoComplete="username" required />
        </Field>
        <Field label="Password">
          <Input name="password" type="password" autoComplete="current-password" required />
        </Field>
        <Button type="submit" className="w-full" loading={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {error === EMAIL_NOT_VERIFIED ? <ResendVerificationForm email={email} /> : null}
    </div>
  );
}
