import type { Metadata } from 'next';
import { AuthCard, AuthLink } from '../_components/auth-card';
import { ForgotPasswordForm } from './_components/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" description="We mail you a link to choose a new one." footer={<AuthLink href="/signin">Back to sign in</AuthLink>}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
