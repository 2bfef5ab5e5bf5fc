import { generateApiKey } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import type { CompiledKey } from './compiled-snapshot.types';
import { compileKey } from './index-snapshot';
import { keyPrefixFromHex, keyPrefixOf, KeyTable } from './key-table';

const app = { id: 'app-1', slug: 'acme-app', teamId: 'team-1' };
const key = (id: string, revoked = false) => compileKey(id, app, 'live', null, null, revoked);

function table(entries: [string, CompiledKey][]) {
  return KeyTable.fromMap(new Map(entries.map(([hash, value]) => [keyPrefixFromHex(hash), value])));
}

describe('KeyTable', () => {
  const a = generateApiKey();
  const b = generateApiKey();
  const c = generateApiKey();

  it('finds a key by its SHA-256 hex or by the key itself, through a 16-byte prefix', () => {
    const keys = table([[a.hash, key('a')]]);
    expect(keyPrefixOf(a.key)).toHaveLength(16);
    expect(keyPrefixOf(a.key)).toBe(keyPrefixFromHex(a.hash));
    expect(keys.get(a.hash)?.id).toBe('a');
    expect(keys.find(a.key)?.id).toBe('a');
    expect(keys.find(b.key)).toBeUndefined();
  });

  it('patches into a new table and leaves the served one as it was', () => {
    const before = table([[a.hash, key('a')], [b.hash, key('b')]]);
    const after = before.patch(new Map([[keyPrefixFromHex(a.hash), key('a', true)], [keyPrefixFromHex(b.hash), null], [keyPrefixFromHex(c.hash), key('c')]]));
    expect([before.get(a.hash)?.revoked, before.get(b.hash)?.id, before.get(c.hash), before.size]).toEqual([false, 'b', undefined, 2]);
    expect([after.get(a.hash)?.revoked, after.get(b.hash), after.get(c.hash)?.id, after.size]).toEqual([true, undefined, 'c', 2]);
    expect([...after.entries()].map(([, value]) => value.id).sort()).toEqual(['a', 'c']);
    const again = after.patch(new Map([[keyPrefixFromHex(b.hash), key('b2')], [keyPrefixFromHex(c.hash), null]]));
    expect([again.get(b.hash)?.id, again.get(c.hash), again.size]).toEqual(['b2', undefined, 2]);
  });

  it('folds a large overlay into a fresh base without losing anything', () => {
    let keys = table([[a.hash, key('a')]]);
    const added = Array.from({ length: 5_000 }, () => generateApiKey());
    keys = keys.patch(new Map(added.map((generated, i) => [keyPrefixFromHex(generated.hash), key(`n${i}`)])));
    expect(keys.size).toBe(5_001);
    expect(keys.get(added[4_999]!.hash)?.id).toBe('n4999');
    expect(keys.get(a.hash)?.id).toBe('a');
  });
});
