import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/env';

const TRANSPORT = Symbol.for('tollgate.portal.mailTransport');

/**
 * SMTP when SMTP_URL is set; otherwise nodemailer's stream transport, which composes the very
 * same RFC 5322 message and hands it back to be written to the outbox.
 */
export function mailTransport(): Transporter {
  const holder = globalThis as { [TRANSPORT]?: Transporter };
  holder[TRANSPORT] ??= env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return holder[TRANSPORT];
}
