import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPrefix, generateApiKey, hashApiKey, parseApiKey } from './api-key';

describe('api keys', () => {
  it('generates keys that parse, with a stored hash that is not the key', () => {
    const generated = generateApiKey('live');
    expect(generated.key).toMatch(/^tg_live_/);
    expect(parseApiKey(generated.key)).toEqual({ ok: true, environment: 'live' });
    expect(generated.hash).toBe(hashApiKey(generated.key));
    expect(generated.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(generated.key.startsWith(generated.prefix)).toBe(true);
    expect(generated.prefix).toHaveLength('tg_live_'.length + 6);
  });

  it('tells test keys apart', () => {
    expect(parseApiKey(generateApiKey('test').key)).toEqual({ ok: true, environment: 'test' });
  });

  it('rejects any single-character typo in the secret through the checksum', () => {
    const { key } = generateApiKey();
    const secretStart = 'tg_live_'.length;
    fc.assert(
      fc.property(fc.integer({ min: secretStart, max: key.lastIndexOf('_') - 1 }), fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'), (index, replacement) => {
        fc.pre(key[index] !== replacement);
        const typo = key.slice(0, index) + replacement + key.slice(index + 1);
        expect(parseApiKey(typo).ok).toBe(false);
      }),
    );
  });

  it('calls things that are not keys malformed', () => {
    for (const candidate of ['', 'Bearer x', 'tg_prod_abc_def', 'sk_live_1234567890', `${generateApiKey().key}\r\n`]) {
      expect(parseApiKey(candidate)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('display prefix never reveals more than six secret characters', () => {
    expect(displayPrefix('tg_live_ABCDEFGHJK_xyz')).toBe('tg_live_ABCDEF');
  });
});
