import 'server-only';
import { env } from '@/env';
import { linksIn, type MailMessage } from './mail-message';
import { mailTransport } from './mail-transport';
import { writeToOutbox } from './write-to-outbox';

/**
 * Sends one message: through SMTP when SMTP_URL is set, else into the .eml outbox, with each of
 * its links printed to the log (`mail to <addr>: <subject> <link>`) so a developer running the
 * portal locally can follow them.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const info = await mailTransport().sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
  if (env.SMTP_URL) return;
  await writeToOutbox(info.message as Buffer);
  for (const link of linksIn(message.text)) console.log(`mail to ${message.to}: ${message.subject} ${link}`);
}
