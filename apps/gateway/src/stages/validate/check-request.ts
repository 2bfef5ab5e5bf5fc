import type { InvalidParam } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import { isJsonMediaType, toInvalidParams, type BodyCheck, type ParameterCheck } from './compile-request-validator';

/** The parameters of one location as an object of strings (arrays where the schema wants several values). */
function collect(ctx: GatewayContext, check: ParameterCheck): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const query = check.location === 'query' ? new URLSearchParams(ctx.query) : null;
  for (const { name, array, from } of check.names) {
    let value: unknown;
    if (check.location === 'path') value = ctx.params[from];
    else if (query !== null) value = array ? query.getAll(name) : (query.get(name) ?? undefined);
    else value = ctx.req.headers[name];
    if (Array.isArray(value) && value.length === 0) value = undefined;
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** What is wrong with the request's path, query and header parameters. */
export function checkParameters(ctx: GatewayContext, checks: readonly ParameterCheck[]): InvalidParam[] {
  const problems: InvalidParam[] = [];
  for (const check of checks) {
    if (!check.validate(collect(ctx, check))) problems.push(...toInvalidParams(check.location, check.validate.errors));
  }
  return problems;
}

const mediaTypeOf = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

function accepts(range: string, mediaType: string): boolean {
  if (range === mediaType || range === '*/*') return true;
  return range.endsWith('/*') && mediaType.startsWith(range.slice(0, -1));
}

/** What is wrong with the body (already read whole, or null when the request has none). */
export function checkBody(ctx: GatewayContext, check: BodyCheck, body: Buffer | null): InvalidParam[] {
  if (body === null || body.length === 0) return check.required ? [{ name: 'body', reason: 'is required' }] : [];
  const mediaType = mediaTypeOf(ctx.req.headers['content-type']);
  if (check.mediaTypes.length > 0 && !check.mediaTypes.some((range) => accepts(range, mediaType))) {
    return [{ name: 'header.content-type', reason: `must be one of ${check.mediaTypes.join(', ')}` }];
  }
  if (check.json === null || !isJsonMediaType(mediaType)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return [{ name: 'body', reason: 'is not valid JSON' }];
  }
  return check.json(parsed) ? [] : toInvalidParams('body', check.json.errors);
}
