import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy } from './page-content-security-policy';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('pageContentSecurityPolicy', () => {
  it('lets pages connect to their own origin and the gateway only, and run only scripts with the nonce', () => {
    const policy = pageContentSecurityPolicy('abc', { dev: false, https: false, gatewayOrigin: 'https://gw.example.com' });
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://gw.example.com");
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive(policy, 'font-src')).toBe("font-src 'self'");
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
  });
});
