import 'server-only';
import { sendMail, type MailMessage } from '@/server/mail';

/**
 * Sends a mail whose failure must not undo the write before it (the account exists, the link is
 * issued): the failure is logged, and the person can ask for the link again.
 */
export async function sendAccountMail(message: MailMessage): Promise<void> {
  try {
    await sendMail(message);
  } catch (error) {
    console.error(`portal: could not send "${message.subject}" to ${message.to}`, error);
  }
}
