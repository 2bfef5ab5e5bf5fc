// Reads the portal's mail outbox (MAIL_OUTBOX_DIR): each message is one .eml file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

/** The body of a quoted-printable part as text (soft line breaks joined, =XX bytes decoded). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

/** One RFC 5322 message (as the outbox or an SMTP server holds it): its To, Subject, text and links. */
export function parseMessage(raw: string): OutboxMessage {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { to: header('To'), subject: header('Subject'), text, links: text.match(/https?:\/\/[^\s<>"]+/g) ?? [] };
}

/** Every message in the outbox, oldest first. */
export function readOutbox(dir: string): OutboxMessage[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((file) => parseMessage(readFileSync(path.join(dir, file), 'utf8')));
}

/** Waits for the newest message to `to` whose subject contains `subject`, and answers its first link. */
export async function waitForMailLink(dir: string, to: string, subject: string, notIn: string[] = [], timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readOutbox(dir)
      .filter((message) => message.to.includes(to) && message.subject.includes(subject))
      .map((message) => message.links[0])
      .filter((link): link is string => Boolean(link) && !notIn.includes(link!));
    if (found.length > 0) return found.at(-1)!;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about "${subject}" in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
