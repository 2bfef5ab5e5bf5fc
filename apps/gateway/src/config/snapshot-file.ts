import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GatewaySnapshot } from '@tollgate/db';
import { ZGatewaySnapshot } from './snapshot-file.schema';

/**
 * Writes the snapshot so a reader never sees half a file: a temp file beside the target,
 * then rename. Readable by the owner only (it holds key hashes).
 */
export async function writeSnapshotFile(path: string, snapshot: GatewaySnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(snapshot), { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export type SnapshotFileResult = { ok: true; snapshot: GatewaySnapshot } | { ok: false; reason: string };

export async function readSnapshotFile(path: string): Promise<SnapshotFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: code === 'ENOENT' ? `no snapshot at ${path}` : `cannot read ${path} (${code ?? String(error)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${path} is not valid JSON` };
  }
  const parsed = ZGatewaySnapshot.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `${path} is not a gateway snapshot (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  return { ok: true, snapshot: parsed.data };
}
