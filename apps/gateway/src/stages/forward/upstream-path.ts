import { fillTemplate } from '@tollgate/domain';
import type { GatewayContext } from '../../pipeline/context';

export interface UpstreamPathConfig {
  /** Characters of the request path to drop (the basePath when stripped), or 0. */
  readonly stripLength: number;
  /** Upstream path template filled from the route params, or null to keep the path. */
  readonly rewrite: string | null;
}

/**
 * The path (and query) to send upstream: the target's own path prefix, then the rewrite
 * template filled in, or the request path with the basePath stripped (the default). The
 * `api_key` query parameter never goes upstream.
 */
export function upstreamPath(ctx: GatewayContext, config: UpstreamPathConfig, prefix: string): string {
  let rest: string;
  if (config.rewrite !== null) {
    const wildcard = ctx.params['*'];
    rest = fillTemplate(config.rewrite, ctx.params, wildcard === undefined ? '' : wildcard.split('/').map(encodeURIComponent).join('/'));
  } else {
    rest = config.stripLength > 0 ? ctx.path.slice(config.stripLength) : ctx.path;
  }
  let path = prefix === '' ? rest : prefix + rest;
  if (path === '') path = '/';
  const query = ctx.query;
  if (query === '') return path;
  if (!query.includes('api_key')) return `${path}?${query}`;
  const kept = withoutParam(query, 'api_key');
  return kept === '' ? path : `${path}?${kept}`;
}

function withoutParam(query: string, name: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== name && !pair.startsWith(`${name}=`))
    .join('&');
}
