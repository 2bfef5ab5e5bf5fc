import { hash } from 'node:crypto';
import type { CompiledKey } from './compiled-snapshot.types';

/** Bytes of the SHA-256 a key is indexed by: 128 bits, far beyond any guessing. */
export const KEY_PREFIX_BYTES = 16;

const scratch = Buffer.alloc(KEY_PREFIX_BYTES);

/** The lookup string for a SHA-256 hex: its first 16 bytes as a one-byte (latin1) string; '' when not hex. */
export function keyPrefixFromHex(hashHex: string): string {
  if (scratch.write(hashHex, 0, KEY_PREFIX_BYTES, 'hex') !== KEY_PREFIX_BYTES) return '';
  return scratch.toString('latin1', 0, KEY_PREFIX_BYTES);
}

/** The lookup string for a presented key, hashed once (one-shot digest: no Hash object per request). */
export function keyPrefixOf(key: string): string {
  return hash('sha256', key, 'binary').slice(0, KEY_PREFIX_BYTES);
}

/** Overlay entries past which a patch folds the overlay into a new base map. */
const MIN_COMPACT = 4_096;

/**
 * Active keys by hash, built for 1,000,000 entries: a Map from a 16-byte binary hash
 * prefix (a 32-byte string in V8, half the hex form) to the key. Changes never touch a
 * table being served: `patch` returns a new table made of the same base map and a small
 * overlay (added or replaced keys, and tombstones), so a key change costs its own size,
 * not the table's; a large overlay is folded into a fresh base.
 */
export class KeyTable {
  readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<string, CompiledKey>,
    private readonly overlay: ReadonlyMap<string, CompiledKey | null>,
    size: number,
  ) {
    this.size = size;
  }

  static fromMap(map: Map<string, CompiledKey>): KeyTable {
    return new KeyTable(map, new Map(), map.size);
  }

  /** The key whose SHA-256 hex is `hashHex`. */
  get(hashHex: string): CompiledKey | undefined {
    return this.getByPrefix(keyPrefixFromHex(hashHex));
  }

  /** The key presented in a request (hashes it). */
  find(presented: string): CompiledKey | undefined {
    return this.getByPrefix(keyPrefixOf(presented));
  }

  getByPrefix(prefix: string): CompiledKey | undefined {
    if (this.overlay.size !== 0) {
      const patched = this.overlay.get(prefix);
      if (patched !== undefined) return patched ?? undefined;
    }
    return this.base.get(prefix);
  }

  /** A new table with `changes` applied (prefix -> key, or null to remove); this one is untouched. */
  patch(changes: ReadonlyMap<string, CompiledKey | null>): KeyTable {
    const overlay = new Map(this.overlay);
    let size = this.size;
    for (const [prefix, key] of changes) {
      const had = this.getByPrefix(prefix) !== undefined;
      if (key === null) {
        if (this.base.has(prefix)) overlay.set(prefix, null);
        else overlay.delete(prefix);
      } else {
        overlay.set(prefix, key);
      }
      size += (key === null ? 0 : 1) - (had ? 1 : 0);
    }
    if (overlay.size > Math.max(MIN_COMPACT, this.base.size / 16)) return KeyTable.fromMap(new Map(entries(this.base, overlay)));
    return new KeyTable(this.base, overlay, size);
  }

  /** Every active key with its prefix. */
  *entries(): IterableIterator<[string, CompiledKey]> {
    yield* entries(this.base, this.overlay);
  }
}

function* entries(base: ReadonlyMap<string, CompiledKey>, overlay: ReadonlyMap<string, CompiledKey | null>): IterableIterator<[string, CompiledKey]> {
  for (const entry of base) if (!overlay.has(entry[0])) yield entry;
  for (const [prefix, key] of overlay) if (key !== null) yield [prefix, key];
}
