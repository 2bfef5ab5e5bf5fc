import { describe, expect, it } from 'vitest';
import { ZJwtIssuer } from './jwt.schema';

const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEabc/def+ghi=\n-----END PUBLIC KEY-----\n';
const base = { issuer: 'https://idp.example.com/', audience: ['api'] };
const issues = (value: unknown) => (ZJwtIssuer.safeParse(value).error?.issues ?? []).map((issue) => issue.message).join('; ');

describe('ZJwtIssuer', () => {
  it('defaults to RS256/ES256, sub and 30 s of skew', () => {
    expect(ZJwtIssuer.parse({ ...base, jwksUrl: 'https://idp.example.com/jwks' })).toMatchObject({ algorithms: ['RS256', 'ES256'], appClaim: 'sub', clockSkewSeconds: 30 });
    expect(ZJwtIssuer.parse({ ...base, publicKeyPem: PEM }).publicKeyPem).toBe(PEM);
  });

  it('needs exactly one of jwksUrl and publicKeyPem', () => {
    expect(issues(base)).toMatch(/exactly one/);
    expect(issues({ ...base, jwksUrl: 'https://idp.example.com/jwks', publicKeyPem: PEM })).toMatch(/exactly one/);
  });

  it('fetches JWKS over https only (http only on this machine)', () => {
    expect(issues({ ...base, jwksUrl: 'http://idp.example.com/jwks' })).toMatch(/must be https/);
    expect(issues({ ...base, jwksUrl: 'https://user:pw@idp.example.com/jwks' })).toMatch(/credentials/);
    expect(issues({ ...base, jwksUrl: 'file:///etc/passwd' })).not.toBe('');
    expect(issues({ ...base, jwksUrl: 'http://127.0.0.1:4000/jwks' })).toBe('');
  });

  it.each([['none'], ['HS256'], ['HS512']])('never accepts %s', (alg) => {
    expect(issues({ ...base, jwksUrl: 'https://idp.example.com/jwks', algorithms: [alg] })).toMatch(/never accepted/);
  });

  it('needs an audience and a PEM public key', () => {
    expect(issues({ ...base, audience: [], jwksUrl: 'https://idp.example.com/jwks' })).toMatch(/audience/);
    expect(issues({ ...base, publicKeyPem: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----' })).toMatch(/PEM public key/);
  });
});
