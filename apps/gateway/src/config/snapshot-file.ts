import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GatewaySnapshot } from '@tollgate/db';
import type { CompiledKey } from './compiled-snapshot.types';
import { compileApps, compileKey, type PrebuiltKeys } from './index-snapshot';
import { KEY_PREFIX_BYTES, keyPrefixFromHex, KeyTable } from './key-table';
import { ZGatewaySnapshot } from './snapshot-file.schema';

// Layout (format 2): MAGIC, u32 header length, header JSON (the snapshot without keys),
// u32 key count, then one record per key:
//   16 bytes hash prefix | u8 flags (1 test, 2 revoked) | f64 expiresAtMs (Infinity: never)
//   | u32 index into header.apps | u8 id length, id (latin1) | u16 scopes length, scopes JSON (utf8)
// 1,000,000 keys take about 70 MB; a JSON array of objects would take three times that
// and a string V8 cannot always hold.
const MAGIC = Buffer.from('TGSNAP2\n', 'latin1');
const CHUNK = 1 << 20;
const MAX_RECORD = KEY_PREFIX_BYTES + 1 + 8 + 4 + 1 + 255 + 2 + 65_535;

/**
 * Writes the snapshot so a reader never sees half a file: a temp file beside the target,
 * written in 1 MB chunks, then rename. Readable by the owner only (it holds key hashes).
 */
export async function writeSnapshotFile(path: string, snapshot: GatewaySnapshot, keys?: KeyTable): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const table = keys ?? indexKeys(snapshot);
  const header = Buffer.from(JSON.stringify({ ...snapshot, keys: [] }), 'utf8');
  const appIndex = new Map(snapshot.apps.map((app, index) => [app.id, index]));
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    const head = Buffer.allocUnsafe(MAGIC.length + 4);
    MAGIC.copy(head);
    head.writeUInt32LE(header.length, MAGIC.length);
    await file.write(head);
    await file.write(header);
    let buffer = Buffer.allocUnsafe(CHUNK);
    let offset = 4;
    let count = 0;
    for (const [prefix, key] of table.entries()) {
      const app = appIndex.get(key.app.id);
      if (app === undefined) continue;
      if (offset + MAX_RECORD > buffer.length) {
        await file.write(buffer, 0, offset);
        buffer = Buffer.allocUnsafe(CHUNK);
        offset = 0;
      }
      offset = writeRecord(buffer, offset, prefix, key, app);
      count++;
    }
    await file.write(buffer, 0, offset);
    const countBytes = Buffer.allocUnsafe(4);
    countBytes.writeUInt32LE(count);
    await file.write(countBytes, 0, 4, MAGIC.length + 4 + header.length);
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}

function writeRecord(buffer: Buffer, start: number, prefix: string, key: CompiledKey, app: number): number {
  let offset = start + buffer.write(prefix, start, KEY_PREFIX_BYTES, 'latin1');
  offset = buffer.writeUInt8((key.environment === 'test' ? 1 : 0) | (key.revoked ? 2 : 0), offset);
  offset = buffer.writeDoubleLE(key.expiresAtMs, offset);
  offset = buffer.writeUInt32LE(app, offset);
  const idLength = buffer.write(key.id.slice(0, 255), offset + 1, 'latin1');
  offset = buffer.writeUInt8(idLength, offset) + idLength;
  const json = key.scopes === null ? '' : JSON.stringify([...key.scopes]);
  if (Buffer.byteLength(json) > 65_535) throw new RangeError(`key ${key.id} has more scopes than a snapshot record holds`);
  const scopes = buffer.write(json, offset + 2, 'utf8');
  return buffer.writeUInt16LE(scopes, offset) + scopes;
}

export type SnapshotFileResult = { ok: true; snapshot: GatewaySnapshot; keys: PrebuiltKeys | undefined } | { ok: false; reason: string };

export async function readSnapshotFile(path: string): Promise<SnapshotFileResult> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: code === 'ENOENT' ? `no snapshot at ${path}` : `cannot read ${path} (${code ?? String(error)})` };
  }
  if (data.length > 0 && data[0] === 0x7b) return parseHeader(path, data.toString('utf8'), undefined);
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: `${path} is not a gateway snapshot (unknown format)` };
  try {
    const headerEnd = MAGIC.length + 4 + data.readUInt32LE(MAGIC.length);
    const parsed = parseHeader(path, data.toString('utf8', MAGIC.length + 4, headerEnd), data.subarray(headerEnd));
    return parsed;
  } catch (error) {
    return { ok: false, reason: `${path} is truncated or damaged (${(error as Error).message})` };
  }
}

function parseHeader(path: string, text: string, records: Buffer | undefined): SnapshotFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${path} is not valid JSON` };
  }
  const parsed = ZGatewaySnapshot.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `${path} is not a gateway snapshot (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const snapshot = parsed.data as GatewaySnapshot;
  if (records === undefined) return { ok: true, snapshot, keys: undefined };
  return { ok: true, snapshot, keys: readRecords(snapshot, records) };
}

/** Throws RangeError on a record cut short. */
function readRecords(snapshot: GatewaySnapshot, data: Buffer): PrebuiltKeys {
  const apps = compileApps(snapshot.apps);
  const byIndex = snapshot.apps.map((app) => apps.get(app.id)!);
  const map = new Map<string, CompiledKey>();
  const count = data.readUInt32LE(0);
  let offset = 4;
  for (let i = 0; i < count; i++) {
    if (offset + KEY_PREFIX_BYTES > data.length) throw new RangeError(`key ${i} of ${count} is missing`);
    const prefix = data.toString('latin1', offset, (offset += KEY_PREFIX_BYTES));
    const flags = data.readUInt8(offset++);
    const expiresAtMs = data.readDoubleLE(offset);
    const app = byIndex[data.readUInt32LE(offset + 8)];
    offset += 12;
    const idLength = data.readUInt8(offset++);
    if (offset + idLength + 2 > data.length) throw new RangeError(`key ${i} of ${count} is cut short`);
    const id = data.toString('latin1', offset, (offset += idLength));
    const scopesLength = data.readUInt16LE(offset);
    offset += 2;
    if (offset + scopesLength > data.length) throw new RangeError(`key ${i} of ${count} is cut short`);
    const scopes = scopesLength === 0 ? null : (JSON.parse(data.toString('utf8', offset, (offset += scopesLength))) as string[]);
    if (app === undefined) throw new RangeError(`key ${i} names an app the snapshot does not have`);
    const expires = expiresAtMs === Number.POSITIVE_INFINITY ? null : expiresAtMs;
    map.set(prefix, compileKey(id, app, flags & 1 ? 'test' : 'live', scopes, expires, (flags & 2) !== 0));
  }
  return { apps, keys: KeyTable.fromMap(map) };
}

/** The key table of a snapshot that still carries its keys inline (tests, the old JSON format). */
function indexKeys(snapshot: GatewaySnapshot): KeyTable {
  const apps = compileApps(snapshot.apps);
  const map = new Map<string, CompiledKey>();
  for (const key of snapshot.keys) {
    const app = apps.get(key.appId);
    if (!app) continue;
    map.set(keyPrefixFromHex(key.hash), compileKey(key.id, app, key.environment, key.scopes, key.expiresAt === null ? null : Date.parse(key.expiresAt), key.revokedAt != null));
  }
  return KeyTable.fromMap(map);
}
