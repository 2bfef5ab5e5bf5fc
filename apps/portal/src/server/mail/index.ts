export { sendMail } from './send-mail';
export type { MailMessage } from '@tollgate/mail';
