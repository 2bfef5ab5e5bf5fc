import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureApi, fixtureRoute, fixtureSnapshot } from '../testing/snapshot-fixture';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';

const dir = () => mkdtempSync(join(tmpdir(), 'tollgate-snapshot-'));

describe('snapshot file', () => {
  it('round-trips a snapshot and leaves no temp file behind', async () => {
    const folder = dir();
    const path = join(folder, 'nested', 'snapshot.json');
    const snapshot = fixtureSnapshot([fixtureApi('w', '/w', [fixtureRoute('/x')])], { revision: 12 });
    await writeSnapshotFile(path, snapshot);
    await writeSnapshotFile(path, { ...snapshot, revision: 13 });
    expect(await readSnapshotFile(path)).toEqual({ ok: true, snapshot: { ...snapshot, revision: 13 } });
    expect(readdirSync(join(folder, 'nested'))).toEqual(['snapshot.json']);
  });

  it('says why there is no usable snapshot', async () => {
    const folder = dir();
    expect(await readSnapshotFile(join(folder, 'missing.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^no snapshot at/) });
    writeFileSync(join(folder, 'torn.json'), '{"format":1,"revi');
    expect(await readSnapshotFile(join(folder, 'torn.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    writeFileSync(join(folder, 'other.json'), JSON.stringify({ format: 1, revision: 'x' }));
    expect(await readSnapshotFile(join(folder, 'other.json'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not a gateway snapshot/) });
  });
});
