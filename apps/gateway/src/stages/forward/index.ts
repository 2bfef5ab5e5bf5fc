import type { AdmissionPolicy } from '../../adapters/upstream/connection-admission';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import { timeoutGiven } from '../../adapters/upstream/upstream-settings';
import type { Stage } from '../../pipeline/types';
import type { TrafficSplit } from '../../adapters/upstream/traffic-split';
import { chooseUpstream, compileSplit } from './choose-upstream';
import { compileHeaderTransform, type CompiledHeaderTransform } from './header-transform';
import { readRequestBody, routeBodyLimits, type BodyLimits } from './request-body';
import { noHealthyTarget, sendUpstream } from './send-upstream';
import { proxyUpgrade } from './upgrade-proxy';
import type { UpstreamPathConfig } from './upstream-path';

/** Methods a retry may repeat (RFC 9110 9.2.2), with a body only when it was buffered. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface ForwardConfig extends UpstreamPathConfig {
  readonly upstream: UpstreamBalancer | null;
  /** The route's traffic split over the upstream's versions, or null. */
  readonly split: TrafficSplit | null;
  /** Wait for the response headers (after connecting). */
  readonly headersTimeoutMs: number;
  /** Wait between response body chunks. */
  readonly bodyTimeoutMs: number;
  /** The route's body limit, how much of a body is read before sending, and how fast it must arrive. */
  readonly body: BodyLimits;
  /** How long a request waits for a connection, and the share one client may hold. */
  readonly admission: AdmissionPolicy;
  /** The route's requestHeaders policy, or null. */
  readonly requestHeaders: CompiledHeaderTransform | null;
  /** Extra attempts for idempotent requests. */
  readonly retries: number;
  readonly backoffMs: number;
}

/**
 * Sends the request upstream (load balanced, health- and breaker-aware, retried when
 * safe) and streams the answer back; proxies WebSocket upgrades.
 */
export const forward: Stage<ForwardConfig> = {
  name: 'forward',
  phase: 'forward',
  priority: 0,
  configure({ route, services }) {
    // Routes with another backend (aggregate, xml, soap) are answered by the backend stage.
    if (route === null || (route.policies.backend !== undefined && route.policies.backend.kind !== 'proxy')) return undefined;
    services.pools.attach(services.log, services.metrics.registry);
    const api = route.api;
    const policies = route.policies;
    const upstream = api.upstream;
    if (upstream !== null) upstream.state.label = api.slug;
    const settings = upstream?.state.settings;
    const env = services.env;
    const fallback = env.GATEWAY_UPSTREAM_TIMEOUT_MS;
    const stripLength = route.rewrite === null && route.stripBasePath ? route.stripPrefix.length : 0;
    return {
      upstream,
      split: compileSplit(route, upstream),
      headersTimeoutMs: policies.timeoutMs ?? (settings && timeoutGiven(api.upstreamSettings, 'headersMs') ? settings.timeouts.headersMs : fallback),
      bodyTimeoutMs: policies.timeoutMs ?? (settings && timeoutGiven(api.upstreamSettings, 'bodyMs') ? settings.timeouts.bodyMs : fallback),
      body: routeBodyLimits(env, policies.maxBodyBytes),
      admission: { queueTimeoutMs: env.GATEWAY_UPSTREAM_QUEUE_TIMEOUT_MS, clientShare: env.GATEWAY_UPSTREAM_CLIENT_SHARE },
      requestHeaders: compileHeaderTransform(policies.requestHeaders),
      retries: settings?.retries.attempts ?? 0,
      backoffMs: settings?.retries.backoffMs ?? 50,
      stripLength,
      rewrite: route.rewrite,
    };
  },
  run(ctx, config) {
    if (config.upstream === null) throw noHealthyTarget();
    const balancer = chooseUpstream(ctx, config.upstream, config.split);
    if (ctx.upgrade !== null) return proxyUpgrade(ctx, config, balancer, ctx.upgrade);
    const idempotent = IDEMPOTENT.has(ctx.req.method!);
    // A stage before forward (request validation) may have read the body already.
    const body = ctx.requestBody ?? readRequestBody(ctx.req, config.body);
    if (body instanceof Promise) return body.then((read) => sendUpstream(ctx, config, balancer, read, idempotent));
    return sendUpstream(ctx, config, balancer, body, idempotent);
  },
};
