import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../../../test/support/smtp-receiver';
import { createMailer } from './create-mailer';

describe('createMailer with SMTP_URL', () => {
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
  });

  afterAll(() => smtp?.stop());

  it('hands the message to the SMTP server and writes nothing to the outbox', async () => {
    const told: string[] = [];
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tollgate <no-reply@tollgate.local>', outboxDir: '/nonexistent/outbox', onOutboxLink: (line) => told.push(line) });
    await mailer.send({ to: 'dev@example.com', subject: 'Confirm your email address', text: 'Follow https://portal.example.com/verify-email?token=abc to confirm.\n' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ envelopeTo: ['dev@example.com'], to: 'dev@example.com', subject: 'Confirm your email address', links: ['https://portal.example.com/verify-email?token=abc'] });
    expect(told).toEqual([]);
  });

  it('rejects with the server’s answer when it refuses the recipient', async () => {
    smtp.refuse('gone@example.com', 550);
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tollgate <no-reply@tollgate.local>', outboxDir: '/nonexistent/outbox' });
    await expect(mailer.send({ to: 'gone@example.com', subject: 'Hello', text: 'Hi.\n' })).rejects.toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes('gone@example.com'))).toEqual([]);
  });
});
