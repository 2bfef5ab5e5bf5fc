import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer';

describe('createMailer without SMTP', () => {
  it('writes each message as an .eml file readable by its owner only and tells its links', async () => {
    const outbox = await mkdtemp(path.join(tmpdir(), 'tollgate-mail-'));
    const told: string[] = [];
    const mailer = createMailer({ smtpUrl: undefined, from: 'Tollgate <no-reply@tollgate.local>', outboxDir: outbox, onOutboxLink: (line) => told.push(line) });
    await mailer.send({ to: 'ops@example.com', subject: 'Firing: errors', text: 'See https://portal.example.com/admin/alerts now.\n' });
    const [file] = await readdir(outbox);
    expect(file).toMatch(/\.eml$/);
    const raw = await readFile(path.join(outbox, file!), 'utf8');
    expect(raw).toMatch(/^From: Tollgate <no-reply@tollgate\.local>/m);
    expect(raw).toMatch(/^To: ops@example\.com/m);
    expect(raw).toMatch(/^Subject: Firing: errors/m);
    expect((await stat(path.join(outbox, file!))).mode & 0o777).toBe(0o600);
    expect(told).toEqual(['mail to ops@example.com: Firing: errors https://portal.example.com/admin/alerts']);
  });
});
