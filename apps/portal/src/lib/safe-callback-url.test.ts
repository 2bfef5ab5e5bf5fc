import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeCallbackUrl('/admin/keys?page=2')).toBe('/admin/keys?page=2');
  });

  it('refuses absolute, protocol-relative and backslash URLs', () => {
    for (const value of ['https://evil.example/', '//evil.example', '/\\evil.example', 'admin', '/\nfoo', undefined, 42]) {
      expect(safeCallbackUrl(value, '/fallback')).toBe('/fallback');
    }
  });
});
