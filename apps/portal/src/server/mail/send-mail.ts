import 'server-only';
import { createMailer, type Mailer, type MailMessage } from '@tollgate/mail';
import { env } from '@/env';

const MAILER = Symbol.for('tollgate.portal.mailer');

function mailer(): Mailer {
  const holder = globalThis as { [MAILER]?: Mailer };
  holder[MAILER] ??= createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.MAIL_OUTBOX_DIR, onOutboxLink: (line) => console.log(line) });
  return holder[MAILER];
}

/**
 * Sends one message: through SMTP when SMTP_URL is set, else into the .eml outbox, with each of
 * its links printed to the log (`mail to <addr>: <subject> <link>`) so a developer running the
 * portal locally can follow them.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  await mailer().send(message);
}
