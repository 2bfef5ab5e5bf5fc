export { createMailer, type Mailer, type MailerConfig } from './create-mailer';
export { linksIn, type MailMessage } from './mail-message';
export { writeToOutbox } from './write-to-outbox';
