export { sendMail } from './send-mail';
export type { MailMessage } from './mail-message';
