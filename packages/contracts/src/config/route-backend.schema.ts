// What answers a route (routes.policies.backend): the API's upstream, proxied as it is
// (`proxy`, the default); several upstream calls merged into one JSON answer
// (`aggregate`); or an XML upstream behind a JSON face, plain (`xml`) or SOAP 1.1/1.2
// (`soap`). See docs/rfcs/0015-route-backends.md.
import { z } from 'zod';

const ms = (max: number) => z.int().min(1).max(max);
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A value taken from the incoming request: `{params.city}`, `{query.units}`, `{consumer.id}` (the calling app's slug). */
export type TCallPlaceholder = { from: 'params' | 'query'; name: string } | { from: 'consumer' };
export type TCallTemplatePart = string | TCallPlaceholder;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDER_BODY = /^(?:(params|query)\.([A-Za-z_][A-Za-z0-9_.-]{0,99})|consumer\.id)$/;

/**
 * Splits a call's path or query value into literal text and placeholders; a string
 * saying what is wrong when a brace does not hold a known placeholder.
 */
export function parseCallTemplate(template: string): TCallTemplatePart[] | string {
  const parts: TCallTemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const body = PLACEHOLDER_BODY.exec(match[1]!);
    if (body === null) return `"{${match[1]}}" is not a placeholder: use {params.NAME}, {query.NAME} or {consumer.id}`;
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(body[1] === undefined ? { from: 'consumer' } : { from: body[1] as 'params' | 'query', name: body[2]! });
    last = match.index + match[0].length;
  }
  const rest = template.slice(last);
  if (rest.includes('{') || rest.includes('}')) return 'has an unmatched brace';
  if (rest !== '') parts.push(rest);
  return parts;
}

const ZCallTemplate = (what: string, extra: z.ZodString) =>
  extra.superRefine((value, ctx) => {
    const parsed = parseCallTemplate(value);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `${what} ${parsed}` });
  });

/** One upstream request of an aggregate; its JSON answer lands under `name`. */
export const ZAggregateCall = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/, 'must be letters, digits, dashes or underscores (at most 63), not starting with a digit or dash')
    .refine((name) => name !== 'errors', '"errors" is where failed optional calls are listed'),
  /** Slug of the API whose upstream takes the call; absent: this route's own API. */
  upstream: z.string().regex(SLUG, 'must be an API slug').optional(),
  /** Path on the upstream (after the target's own path), with placeholders; their values are percent-encoded. */
  path: ZCallTemplate('path', z.string().startsWith('/', 'must start with /').max(2048).regex(/^[^?#\s]*$/, 'must be a path without query, fragment or spaces (query goes in `query`)')),
  /** Query parameters, values with placeholders; a parameter whose value comes out empty is left out. */
  query: z.record(z.string().regex(/^[A-Za-z0-9_.~-]{1,100}$/, 'must be a query parameter name'), ZCallTemplate('value', z.string().max(2048))).default({}),
  /** How long this call may take (capped by the route's deadline). */
  timeoutMs: ms(600_000).optional(),
  /** A failed optional call leaves `null` under its name and an entry in `errors`; a failed required call fails the route (502). */
  optional: z.boolean().default(false),
});

export const ZAggregateBackend = z
  .strictObject({
    kind: z.literal('aggregate'),
    calls: z.array(ZAggregateCall).min(1, 'needs at least one call').max(16, 'at most 16 calls'),
  })
  .superRefine((backend, ctx) => {
    const seen = new Set<string>();
    backend.calls.forEach((call, index) => {
      if (seen.has(call.name)) ctx.addIssue({ code: 'custom', path: ['calls', index, 'name'], message: `duplicate call name "${call.name}"` });
      seen.add(call.name);
    });
  });

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
const ZXmlName = z.string().regex(XML_NAME, 'must be an XML element name without prefix');
const ZNamespace = z.string().min(1).max(2048).regex(/^[^\s"'<>&]+$/, 'must be a namespace URI');

/** A plain XML upstream: the JSON body (or a client's XML) is sent as `<root>`, the XML answer comes back as JSON. */
export const ZXmlBackend = z.strictObject({
  kind: z.literal('xml'),
  /** Element that wraps the request body. */
  root: ZXmlName,
  namespace: ZNamespace.optional(),
});

/** A SOAP upstream: one operation, its request element built from the JSON body, path parameters and query. */
export const ZSoapBackend = z.strictObject({
  kind: z.literal('soap'),
  /** 1.1: text/xml with a SOAPAction header; 1.2: application/soap+xml with an action parameter. */
  version: z.enum(['1.1', '1.2']).default('1.1'),
  /** The operation's request element, e.g. GetForecast. */
  operation: ZXmlName,
  /** The operation's namespace (the service's target namespace). */
  namespace: ZNamespace,
  /** SOAPAction (1.1) or the action parameter (1.2); absent: namespace + "/" + operation for 1.1, none for 1.2. */
  action: z.string().max(2048).regex(/^[^\s"]*$/, 'must be a URI without spaces or quotes').optional(),
});

/**
 * A unary gRPC method behind a JSON face. Path parameters and query parameters fill the
 * request message's fields of the same name (a query name may be dotted into a nested
 * message), the body goes in whole (`*`) or into one field; the answer message comes back
 * as JSON and a gRPC status becomes its HTTP status. See docs/rfcs/0016-grpc-backend.md.
 */
export const ZGrpcBackend = z.strictObject({
  kind: z.literal('grpc'),
  /** The .proto text; in a config file also a path to it (one line ending in .proto), relative to the file. */
  proto: z.string().min(1).max(1024 * 1024, 'must be at most 1 MiB'),
  /** Fully qualified service name, e.g. weather.v1.Forecasts. */
  service: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'must be a fully qualified service name (package.Service)'),
  /** A unary method of the service. */
  method: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a method name'),
  /** Where the JSON body goes: `*` the whole request message, a field name that field; absent: the body is not read. */
  body: z.string().regex(/^(?:\*|[A-Za-z_][A-Za-z0-9_]*)$/, 'must be * or a field name').optional(),
});

/** A `proto` value that names a file rather than holding the .proto text. */
export function isProtoPath(proto: string): boolean {
  return !proto.includes('\n') && /\.proto\s*$/.test(proto);
}

export const ZProxyBackend = z.strictObject({ kind: z.literal('proxy') });

export const ZRouteBackend = z.discriminatedUnion('kind', [ZProxyBackend, ZAggregateBackend, ZXmlBackend, ZSoapBackend, ZGrpcBackend]);

export type TAggregateCall = z.infer<typeof ZAggregateCall>;
export type TAggregateBackend = z.infer<typeof ZAggregateBackend>;
export type TXmlBackend = z.infer<typeof ZXmlBackend>;
export type TSoapBackend = z.infer<typeof ZSoapBackend>;
export type TGrpcBackend = z.infer<typeof ZGrpcBackend>;
export type TRouteBackend = z.infer<typeof ZRouteBackend>;

export interface TRouteBackendIssue {
  /** Relative to the route, e.g. ['backend', 'calls', 0, 'path']. */
  path: (string | number)[];
  message: string;
}

/** A route's backend checked against the route itself: an aggregate's `{params.NAME}` must be a parameter of the route's path. */
export function routeBackendIssues(route: { path: string; backend?: TRouteBackend | undefined }): TRouteBackendIssue[] {
  if (route.backend?.kind !== 'aggregate') return [];
  const params = new Set([...route.path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]!));
  const issues: TRouteBackendIssue[] = [];
  route.backend.calls.forEach((call, index) => {
    const templates: [(string | number)[], string][] = [[['path'], call.path], ...Object.entries(call.query).map(([name, value]): [(string | number)[], string] => [['query', name], value])];
    for (const [field, template] of templates) {
      const parts = parseCallTemplate(template);
      if (typeof parts === 'string') continue;
      for (const part of parts) {
        if (typeof part === 'object' && part.from === 'params' && !params.has(part.name)) {
          issues.push({ path: ['backend', 'calls', index, ...field], message: `{params.${part.name}} is not a parameter of the route's path ${route.path}` });
        }
      }
    }
  });
  return issues;
}

/** Adds the route's backend issues to a refinement, under `at` (the route's path in the file). */
export function checkRouteBackend(route: { path: string; backend?: TRouteBackend | undefined }, ctx: z.RefinementCtx, at: (string | number)[]): void {
  for (const issue of routeBackendIssues(route)) ctx.addIssue({ code: 'custom', path: [...at, ...issue.path], message: issue.message });
}
