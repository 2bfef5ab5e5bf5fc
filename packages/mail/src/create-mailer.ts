import nodemailer, { type Transporter } from 'nodemailer';
import { linksIn, type MailMessage } from './mail-message';
import { writeToOutbox } from './write-to-outbox';

export interface MailerConfig {
  /** smtp://user:pass@host:587; without it every message is written to `outboxDir`. */
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  /** Told each link of a message written to the outbox, so someone running Tollgate locally can follow it. */
  onOutboxLink?: (line: string) => void;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP when `smtpUrl` is set; otherwise nodemailer's stream transport, which composes the very
 * same RFC 5322 message, written as an .eml file into the outbox.
 */
export function createMailer(config: MailerConfig): Mailer {
  const transport: Transporter = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
      if (config.smtpUrl) return;
      await writeToOutbox(config.outboxDir, info.message as Buffer);
      for (const link of linksIn(message.text)) config.onOutboxLink?.(`mail to ${message.to}: ${message.subject} ${link}`);
    },
  };
}
