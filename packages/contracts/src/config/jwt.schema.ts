// JWT issuers an API accepts (`apis[].jwt`) and the clients that map a token to an app
// (`teams[].apps[].jwtClients`). Only asymmetric algorithms: the gateway verifies with a
// public key (JWKS or PEM), so `none` and the HS family cannot be configured at all.
import { z } from 'zod';

export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export const DEFAULT_JWT_ALGORITHMS = ['RS256', 'ES256'] as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to this machine only (the gateway fetches those only with GATEWAY_ALLOW_INSECURE_JWKS=1). */
export const ZJwksUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https URL' })
  .superRefine((value, ctx) => {
    if (!URL.canParse(value)) return; // reported by the url check
    const url = new URL(value);
    if (url.username || url.password || url.hash) ctx.addIssue({ code: 'custom', message: 'must not carry credentials or a fragment' });
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      ctx.addIssue({ code: 'custom', message: 'must be https (http only for 127.0.0.1 or localhost, in tests)' });
    }
  });

/** A PEM public key (SPKI); the gateway parses it when a snapshot compiles. */
export const ZPublicKeyPem = z
  .string()
  .max(20_000)
  .regex(/^\s*-----BEGIN PUBLIC KEY-----\s+[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----\s*$/, 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)');

export const ZJwtIssuer = z
  .strictObject({
    /** The exact `iss` tokens must carry. */
    issuer: z.string().min(1).max(500),
    /** `aud` must contain at least one of these. */
    audience: z.array(z.string().min(1).max(500)).min(1, 'needs at least one audience'),
    jwksUrl: ZJwksUrl.optional(),
    publicKeyPem: ZPublicKeyPem.optional(),
    algorithms: z
      .array(z.enum(JWT_ALGORITHMS, { error: `must be one of ${JWT_ALGORITHMS.join(', ')} ("none" and HS* are never accepted)` }))
      .min(1)
      .default([...DEFAULT_JWT_ALGORITHMS]),
    /** The claim whose value names the client (see jwtClients). */
    appClaim: z.enum(['sub', 'azp', 'client_id']).default('sub'),
    clockSkewSeconds: z.int().min(0).max(300).default(30),
  })
  .refine((issuer) => (issuer.jwksUrl === undefined) !== (issuer.publicKeyPem === undefined), 'give exactly one of jwksUrl and publicKeyPem');

/** One token client that acts as this app: tokens from `issuer` (on `api`) whose app claim equals `subject`. */
export const ZJwtClient = z.strictObject({
  api: z.string().min(1),
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(500),
});

export type TJwtIssuer = z.infer<typeof ZJwtIssuer>;
export type TJwtClient = z.infer<typeof ZJwtClient>;
