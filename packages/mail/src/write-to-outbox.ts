import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a composed message as `<time>-<random>.eml` in `dir` (relative to the working directory); answers the file. */
export async function writeToOutbox(dir: string, raw: Buffer): Promise<string> {
  const outbox = path.resolve(process.cwd(), dir);
  await mkdir(outbox, { recursive: true });
  const file = path.join(outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
  // Links in these files sign people in or reset passwords: readable by the process's user only.
  await writeFile(file, raw, { mode: 0o600 });
  return file;
}
