import { describe, expect, it } from 'vitest';
import { sameOriginRedirect } from './same-origin-redirect';
import { validCallbackUrl } from './valid-callback-url';

describe('validCallbackUrl', () => {
  it('accepts paths and http(s) URLs, whatever their origin', () => {
    for (const value of ['/admin', '/apis?page=2', 'https://portal.example.com/x', 'http://evil.example/']) expect(validCallbackUrl(value)).toBe(true);
  });
  it('refuses what next-auth cannot parse', () => {
    for (const value of ['http://[', 'not a url', 'javascript:alert(1)', '//evil.example', '/\\evil', {}, 42, 'x'.repeat(3000)]) {
      expect(validCallbackUrl(value)).toBe(false);
    }
  });
});

describe('sameOriginRedirect', () => {
  const baseUrl = 'https://portal.example.com';
  it('keeps paths and same-origin URLs', () => {
    expect(sameOriginRedirect({ url: '/admin/keys', baseUrl })).toBe(`${baseUrl}/admin/keys`);
    expect(sameOriginRedirect({ url: `${baseUrl}/apis?x=1`, baseUrl })).toBe(`${baseUrl}/apis?x=1`);
  });
  it('sends anything else to the root, without throwing', () => {
    for (const url of ['http://[', 'https://evil.example/', `${baseUrl}.evil.example/`, `${baseUrl}//evil.example`, '//evil.example']) {
      expect(sameOriginRedirect({ url, baseUrl })).toBe(baseUrl);
    }
  });
});
