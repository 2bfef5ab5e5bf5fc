// The portal's configuration, parsed once from the environment and frozen.
// Nothing else in the portal reads process.env.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const ZPort = z.coerce.number().int().min(1).max(65535);

export const ZPortalEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/tollgate'),
  PORTAL_PORT: ZPort.default(3000),
  PORTAL_HOST: z.string().min(1).default('127.0.0.1'),
  /** Signs and encrypts session JWTs. AUTH_SECRET is accepted as an alias. */
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(1).optional(),
  /** Public URL of the portal, e.g. https://portal.example.com; https makes session cookies Secure. */
  NEXTAUTH_URL: z.url().optional(),
  ADMIN_TOKEN: z.string().min(1).optional(),
  GATEWAY_PORT: ZPort.default(8080),
  /** Where partners reach the gateway; shown in curl examples. */
  GATEWAY_PUBLIC_URL: z.url().optional(),
  /** Shared store for the sign-in throttle; without it the throttle counts in this process's memory. */
  REDIS_URL: z.url().optional(),
  /** Peers (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed. Default: none. */
  PORTAL_TRUSTED_PROXIES: z.string().default(''),
  /** Time a client has to send the request headers (slow-header clients are cut off). */
  PORTAL_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** Time a client has to send the whole request, body included. */
  PORTAL_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  /** Largest request body any route accepts (413 above it); next-auth's endpoints accept far less. */
  PORTAL_MAX_BODY_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  /** How long the database may take to answer the portal's once-a-second probe before pages answer 503. */
  PORTAL_DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  /** Longest a page's or an API call's statement (or its wait for a lock) may run before it fails. */
  PORTAL_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.com:587; without it mail is written to MAIL_OUTBOX_DIR. */
  SMTP_URL: z.url().optional(),
  /** The sender of the portal's mail. */
  MAIL_FROM: z.string().min(3).default('Tollgate <no-reply@tollgate.local>'),
  /** Where each message is written as an .eml file when SMTP_URL is unset (relative to the working directory). */
  MAIL_OUTBOX_DIR: z.string().min(1).default('.data/mail'),
  /** GitHub sign-in, offered only when both are set. */
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** Sign-in through any OpenID Connect provider, offered only when all three are set. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Set by Next.js itself; `phase-production-build` while `next build` runs. */
  NEXT_PHASE: z.string().optional(),
});

export interface PortalEnv {
  readonly NODE_ENV: 'development' | 'production' | 'test';
  readonly DATABASE_URL: string;
  readonly PORTAL_PORT: number;
  readonly PORTAL_HOST: string;
  readonly AUTH_SECRET: string;
  /** `generated` when no secret was configured: sessions then end when the process restarts. */
  readonly AUTH_SECRET_SOURCE: 'env' | 'generated';
  readonly NEXTAUTH_URL: string | undefined;
  readonly SECURE_COOKIES: boolean;
  readonly ADMIN_TOKEN: string | undefined;
  readonly GATEWAY_PUBLIC_URL: string;
  readonly REDIS_URL: string | undefined;
  readonly PORTAL_TRUSTED_PROXIES: readonly string[];
  readonly PORTAL_HEADERS_TIMEOUT_MS: number;
  readonly PORTAL_REQUEST_TIMEOUT_MS: number;
  readonly PORTAL_MAX_BODY_BYTES: number;
  readonly PORTAL_DATABASE_TIMEOUT_MS: number;
  readonly PORTAL_STATEMENT_TIMEOUT_MS: number;
  readonly SMTP_URL: string | undefined;
  readonly MAIL_FROM: string;
  readonly MAIL_OUTBOX_DIR: string;
  /** Present only when GitHub sign-in is configured. */
  readonly GITHUB: { readonly clientId: string; readonly clientSecret: string } | undefined;
  /** Present only when OpenID Connect sign-in is configured. */
  readonly OIDC: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string } | undefined;
}

const GENERATED_SECRET = Symbol.for('tollgate.portal.generatedAuthSecret');

/** One random secret per process, shared by every bundle (pages, route handlers, proxy). */
function generatedSecret(quiet: boolean): string {
  const store = globalThis as { [GENERATED_SECRET]?: string };
  if (!store[GENERATED_SECRET]) {
    store[GENERATED_SECRET] = randomBytes(32).toString('base64url');
    if (!quiet) console.warn(
      'portal: NEXTAUTH_SECRET is not set; using a random secret for this process (sessions end on restart). ' +
        '`npm run start:portal` keeps one in .data/portal-auth-secret; set NEXTAUTH_SECRET in production.',
    );
  }
  return store[GENERATED_SECRET];
}

export function parsePortalEnv(source: Record<string, string | undefined>): PortalEnv {
  // Empty variables (FOO= in a compose file) count as unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ZPortalEnv.parse(present);
  const configuredSecret = parsed.NEXTAUTH_SECRET ?? parsed.AUTH_SECRET;
  return Object.freeze({
    NODE_ENV: parsed.NODE_ENV,
    DATABASE_URL: parsed.DATABASE_URL,
    PORTAL_PORT: parsed.PORTAL_PORT,
    PORTAL_HOST: parsed.PORTAL_HOST,
    AUTH_SECRET: configuredSecret ?? generatedSecret(parsed.NEXT_PHASE === 'phase-production-build'),
    AUTH_SECRET_SOURCE: configuredSecret ? 'env' : 'generated',
    NEXTAUTH_URL: parsed.NEXTAUTH_URL,
    SECURE_COOKIES: parsed.NEXTAUTH_URL?.startsWith('https://') ?? false,
    ADMIN_TOKEN: parsed.ADMIN_TOKEN,
    GATEWAY_PUBLIC_URL: (parsed.GATEWAY_PUBLIC_URL ?? `http://localhost:${parsed.GATEWAY_PORT}`).replace(/\/+$/, ''),
    REDIS_URL: parsed.REDIS_URL,
    PORTAL_TRUSTED_PROXIES: Object.freeze(parsed.PORTAL_TRUSTED_PROXIES.split(',').map((entry) => entry.trim()).filter(Boolean)),
    PORTAL_HEADERS_TIMEOUT_MS: parsed.PORTAL_HEADERS_TIMEOUT_MS,
    PORTAL_REQUEST_TIMEOUT_MS: parsed.PORTAL_REQUEST_TIMEOUT_MS,
    PORTAL_MAX_BODY_BYTES: parsed.PORTAL_MAX_BODY_BYTES,
    PORTAL_DATABASE_TIMEOUT_MS: parsed.PORTAL_DATABASE_TIMEOUT_MS,
    PORTAL_STATEMENT_TIMEOUT_MS: parsed.PORTAL_STATEMENT_TIMEOUT_MS,
    SMTP_URL: parsed.SMTP_URL,
    MAIL_FROM: parsed.MAIL_FROM,
    MAIL_OUTBOX_DIR: parsed.MAIL_OUTBOX_DIR,
    GITHUB:
      parsed.GITHUB_ID && parsed.GITHUB_SECRET ? Object.freeze({ clientId: parsed.GITHUB_ID, clientSecret: parsed.GITHUB_SECRET }) : undefined,
    OIDC:
      parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID && parsed.OIDC_CLIENT_SECRET
        ? Object.freeze({ issuer: parsed.OIDC_ISSUER, clientId: parsed.OIDC_CLIENT_ID, clientSecret: parsed.OIDC_CLIENT_SECRET })
        : undefined,
  });
}

export const env: PortalEnv = parsePortalEnv(process.env);
