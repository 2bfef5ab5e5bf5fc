import type { TCorsPolicy } from '@tollgate/contracts';

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

/** An API's CORS policy (parsed with the API's policies when the snapshot compiled) ready for the request path; undefined when it has none. */
export function compileCors(cors: TCorsPolicy | undefined): CompiledCors | undefined {
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
