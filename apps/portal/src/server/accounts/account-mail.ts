import 'server-only';
import type { MailMessage } from '@/server/mail';

/** The link a mail carries: the portal page that takes the secret, on the portal's public origin. */
export function accountLink(origin: string, page: '/verify-email' | '/reset-password' | '/invite' | '/signin/link', token: string, extra: Record<string, string> = {}): string {
  const url = new URL(page, origin);
  url.searchParams.set('token', token);
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return url.toString();
}

export function verificationMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Confirm your email address',
    text: `Welcome to Tollgate.\n\nConfirm that this address is yours to finish signing up (the link works once, for 24 hours):\n\n${link}\n\nIf you did not sign up, ignore this message.\n`,
  };
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your password',
    text: `Someone asked to reset the password of the Tollgate account for this address.\n\nChoose a new password here (the link works once, for one hour):\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
  };
}

export function inviteMail(to: string, teamName: string, inviter: string, link: string): MailMessage {
  return {
    to,
    subject: `Join ${teamName} on Tollgate`,
    text: `${inviter} invited you to the team "${teamName}" on Tollgate.\n\nFollow this link to join (it works once, for 7 days); if you have no account yet you can create one there:\n\n${link}\n`,
  };
}
