import { ZApiPolicies, type TApiPolicies } from '@tollgate/contracts';
import { z } from 'zod';

/** An API's CORS policy, ready for the request path: strings joined once, origins in a set. */
export interface CompiledCors {
  /** null when any origin may call ("*"). */
  readonly origins: ReadonlySet<string> | null;
  readonly allowMethods: string;
  readonly allowHeaders: string;
  readonly exposeHeaders: string;
  readonly credentials: boolean;
  readonly maxAge: string;
}

const ZCorsOnly = z.object({ cors: ZApiPolicies.shape.cors });

/** Reads `apis.policies.cors`; undefined when the API has none (or it does not parse, with a warning). */
export function compileCors(policies: unknown, where: string, warn: (message: string) => void): CompiledCors | undefined {
  if (policies === null || typeof policies !== 'object') return undefined;
  const parsed = ZCorsOnly.safeParse(policies);
  if (!parsed.success) {
    warn(`${where}: ignoring the CORS policy (${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
    return undefined;
  }
  const cors: TApiPolicies['cors'] = parsed.data.cors;
  if (cors === undefined) return undefined;
  return {
    origins: cors.origins.includes('*') ? null : new Set(cors.origins.map((origin) => new URL(origin).origin)),
    allowMethods: cors.methods.join(', '),
    allowHeaders: cors.headers.join(', '),
    exposeHeaders: cors.exposeHeaders.join(', '),
    credentials: cors.credentials,
    maxAge: String(cors.maxAgeSeconds),
  };
}

/** The Access-Control-Allow-Origin value for this Origin, or undefined when it may not call. */
export function allowedOrigin(cors: CompiledCors, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.origins === null) return cors.credentials ? origin : '*';
  return cors.origins.has(origin) ? origin : undefined;
}

/** Adds tokens to a Vary value unless it is "*" or already names them. */
export function mergeVary(current: OutgoingVary, add: string): string {
  if (current === undefined || current === '') return add;
  const value = Array.isArray(current) ? current.join(', ') : String(current);
  if (value.trim() === '*') return '*';
  const present = new Set(value.toLowerCase().split(',').map((token) => token.trim()));
  const missing = add.split(', ').filter((token) => !present.has(token.toLowerCase()));
  return missing.length === 0 ? value : `${value}, ${missing.join(', ')}`;
}

type OutgoingVary = string | number | readonly string[] | undefined;
