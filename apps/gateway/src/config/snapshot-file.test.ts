import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { fixtureApi, fixtureRoute, fixtureSnapshot } from '../testing/snapshot-fixture';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';

const dir = () => mkdtempSync(join(tmpdir(), 'tollgate-snapshot-'));
const app = { id: 'app-1', slug: 'acme-app', teamId: 'team-1' };
const plain = generateApiKey();
const scoped = generateApiKey('test');
const revoked = generateApiKey();

const loadedAt = new Date().toISOString();
const api = fixtureApi('w', '/w', [fixtureRoute('/x')]);

function snapshotWithKeys(revision: number) {
  return fixtureSnapshot([api], {
    revision,
    loadedAt,
    apps: [app],
    keys: [
      { id: 'k-plain', appId: app.id, hash: plain.hash, environment: 'live', scopes: [], expiresAt: null },
      { id: 'k-scoped', appId: app.id, hash: scoped.hash, environment: 'test', scopes: ['w', 'w:GET /x', 'é'], expiresAt: '2099-01-01T00:00:00.000Z' },
      { id: 'k-revoked', appId: app.id, hash: revoked.hash, environment: 'live', scopes: [], expiresAt: null, revokedAt: '2026-01-01T00:00:00.000Z' },
    ],
  });
}

describe('snapshot file', () => {
  it('carries hosts, API versions and route versions', async () => {
    const path = join(dir(), 'snapshot.bin');
    const versioned = {
      ...fixtureApi('v', '/v', [fixtureRoute('/x', { version: 'v2' }), fixtureRoute('/y')]),
      hosts: ['api.example.com', '*.example.org'],
      versions: [{ name: 'v2', selector: 'header' as const, match: '2', isDefault: true }],
    };
    await writeSnapshotFile(path, fixtureSnapshot([versioned], { loadedAt }));
    const read = await readSnapshotFile(path);
    if (!read.ok) throw new Error(read.reason);
    expect(read.snapshot.apis[0]).toMatchObject({ hosts: versioned.hosts, versions: versioned.versions });
    expect(read.snapshot.apis[0]!.routes.map((route) => route.version)).toEqual(['v2', null]);
  });

  it('round-trips the config and every key, and leaves no temp file behind', async () => {
    const folder = dir();
    const path = join(folder, 'nested', 'snapshot.bin');
    await writeSnapshotFile(path, snapshotWithKeys(12));
    await writeSnapshotFile(path, snapshotWithKeys(13));
    const read = await readSnapshotFile(path);
    if (!read.ok) throw new Error(read.reason);
    expect(read.snapshot).toMatchObject({ ...snapshotWithKeys(13), keys: [] });
    const keys = read.keys!.keys;
    expect(keys.size).toBe(3);
    expect(keys.get(plain.hash)).toEqual({ id: 'k-plain', app, environment: 'live', scopes: null, expiresAtMs: Infinity, revoked: false });
    expect(keys.find(scoped.key)).toEqual({ id: 'k-scoped', app, environment: 'test', scopes: new Set(['w', 'w:GET /x', 'é']), expiresAtMs: Date.parse('2099-01-01T00:00:00.000Z'), revoked: false });
    expect(keys.get(revoked.hash)?.revoked).toBe(true);
    expect(keys.get(generateApiKey().hash)).toBeUndefined();
    expect(readdirSync(join(folder, 'nested'))).toEqual(['snapshot.bin']);
  });

  it('says why there is no usable snapshot', async () => {
    const folder = dir();
    expect(await readSnapshotFile(join(folder, 'missing.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^no snapshot at/) });
    writeFileSync(join(folder, 'torn.json'), '{"format":1,"revi');
    expect(await readSnapshotFile(join(folder, 'torn.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    writeFileSync(join(folder, 'other.json'), JSON.stringify({ format: 1, revision: 'x' }));
    expect(await readSnapshotFile(join(folder, 'other.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not a gateway snapshot/) });
    writeFileSync(join(folder, 'junk.bin'), 'GIF89a........');
    expect(await readSnapshotFile(join(folder, 'junk.bin'))).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown format/) });
  });

  it('refuses a file cut short instead of serving part of the keys', async () => {
    const folder = dir();
    const path = join(folder, 'snapshot.bin');
    await writeSnapshotFile(path, snapshotWithKeys(5));
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 10));
    expect(await readSnapshotFile(path)).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated or damaged/) });
  });

  it('still reads a snapshot written as JSON with its keys inline', async () => {
    const path = join(dir(), 'old.json');
    writeFileSync(path, JSON.stringify(snapshotWithKeys(3)));
    const read = await readSnapshotFile(path);
    expect(read).toMatchObject({ ok: true, snapshot: { revision: 3 }, keys: undefined });
  });
});
