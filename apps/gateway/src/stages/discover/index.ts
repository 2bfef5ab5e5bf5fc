import type { DiscoveryAggregator } from '../../adapters/discovery/discovery-aggregator';
import { normalizeHost } from '../../config/host-routers';
import type { GatewayContext } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';
import { CLIENT_CLOSED } from '../record/usage-event';
import { discoveryScope } from './discovery-scope';
import type { DocumentedPaths } from './documented-paths';

export interface DiscoverConfig {
  readonly aggregator: DiscoveryAggregator;
  /** `unmatched`: requests no route matched; `every`: a deprecated API's route (every call is a zombie call); else the API's document. */
  readonly documented: DocumentedPaths | 'unmatched' | 'every';
}

/**
 * Counts, after the response, requests that nothing documents: those no route matched
 * on a host and base path some API serves, every call to a deprecated API, and those whose route's API has an OpenAPI
 * document that does not describe the method and concrete path. The path is templated
 * here and added to the in-memory aggregator; the database only sees the aggregate,
 * flushed on a timer, with the kinds of sensitive-looking data a sampled response held
 * (sample-body). A route whose document describes all its methods has no discover stage
 * at all.
 */
export const discover: Stage<DiscoverConfig> = {
  name: 'discover',
  phase: 'record',
  // After record (0): metrics and the usage event come first.
  priority: -10,
  configure({ route, services }) {
    const aggregator = services.discovery ?? null;
    if (aggregator === null) return undefined;
    const documented = discoveryScope(route);
    return documented === undefined ? undefined : { aggregator, documented };
  },
  run(ctx, config) {
    const method = ctx.req.method ?? 'GET';
    const host = ctx.req.headers.host === undefined ? '' : normalizeHost(ctx.req.headers.host);
    const documented = config.documented;
    if (documented === 'unmatched') {
      if (ctx.path === '' || !ctx.snapshot.discovery.serves(host, ctx.path)) return;
    } else if (documented !== 'every' && documented.describes(method, ctx.path)) return;
    const template = ctx.snapshot.discovery.templaterFor(host).template(ctx.path, host);
    if (ctx.snapshot.discovery.ignores(host, method, template)) return;
    config.aggregator.add({
      host,
      method,
      template,
      path: ctx.path,
      status: ctx.clientAborted ? CLIENT_CLOSED : ctx.res.statusCode,
      consumer: ctx.principal?.app.slug ?? ctx.clientIp,
      credentials: hasCredentials(ctx),
      sensitive: ctx.responseSample?.inspect() ?? NONE,
      nowMs: Date.now(),
    });
  },
};

const NONE: readonly string[] = Object.freeze([]);

/** A credential in any place the gateway reads one: Authorization, X-Api-Key, the api_key query parameter. */
function hasCredentials(ctx: GatewayContext): boolean {
  const headers = ctx.req.headers;
  return headers.authorization !== undefined || headers['x-api-key'] !== undefined || ctx.query.includes('api_key=');
}
