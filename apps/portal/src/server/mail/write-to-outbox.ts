import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/env';

/** Writes a composed message as `<time>-<random>.eml` in MAIL_OUTBOX_DIR (relative to the working directory); answers the file. */
export async function writeToOutbox(raw: Buffer): Promise<string> {
  const dir = path.resolve(process.cwd(), env.MAIL_OUTBOX_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
  // Links in these files sign people in or reset passwords: readable by the portal's user only.
  await writeFile(file, raw, { mode: 0o600 });
  return file;
}
