// The demo app's API key survives restarts: it is kept in a file (mode 0600) and reused
// while its hash is still a live key of the app in the database.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createApiKey, type Db } from '@tollgate/db';
import { hashApiKey, parseApiKey } from '@tollgate/domain';

async function readKeyFile(keyFile: string): Promise<string | undefined> {
  try {
    return (await readFile(keyFile, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function isLiveKey(db: Db, key: string, appSlug: string): Promise<boolean> {
  if (!parseApiKey(key).ok) return false;
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) }, include: { app: { select: { slug: true } } } });
  return Boolean(row && row.app.slug === appSlug && !row.revokedAt && (!row.expiresAt || row.expiresAt.getTime() > Date.now()));
}

export async function ensureDemoKey(db: Db, options: { appSlug: string; keyFile?: string }): Promise<{ key: string; created: boolean }> {
  if (options.keyFile) {
    const saved = await readKeyFile(options.keyFile);
    if (saved && (await isLiveKey(db, saved, options.appSlug))) return { key: saved, created: false };
  }
  const { key } = await createApiKey(db, { appSlug: options.appSlug, name: 'demo' });
  if (options.keyFile) {
    await mkdir(path.dirname(options.keyFile), { recursive: true });
    await writeFile(options.keyFile, `${key}\n`, { mode: 0o600 });
    await chmod(options.keyFile, 0o600);
  }
  return { key, created: true };
}
