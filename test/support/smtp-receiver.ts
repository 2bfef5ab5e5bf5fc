// A real SMTP server (the smtp-server package) on a free port that keeps what it is given, and
// refuses recipients the test chooses with the SMTP answer the test chooses.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMessage, type OutboxMessage } from './mail-outbox';

export interface ReceivedMail extends OutboxMessage {
  envelopeTo: string[];
}

export interface SmtpReceiver {
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Answers RCPT TO for `address` with `code` (e.g. 550) `times` times (for ever by default). */
  refuse(address: string, code: number, times?: number): void;
  stop(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, { code: number; left: number }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address.toLowerCase());
      if (!refusal || refusal.left <= 0) return callback();
      refusal.left -= 1;
      callback(Object.assign(new Error(refusal.code >= 500 ? 'No such mailbox here' : 'Try again later'), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ ...parseMessage(Buffer.concat(chunks).toString('utf8')), envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (address, code, times = Number.POSITIVE_INFINITY) => void refusals.set(address.toLowerCase(), { code, left: times }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
