import type { TRouteBackend } from '@tollgate/contracts';
import type { Stage, StageScope } from '../../pipeline/types';
import { compileHeaderTransform } from '../forward/header-transform';
import { routeBodyLimits } from '../forward/request-body';
import { runAggregate, type AggregateConfig } from './aggregate';
import { compileTemplate, readsQuery } from './call-template';
import { compileGrpcMethod, runGrpcBackend, type GrpcConfig } from './grpc-backend';
import { runXmlBackend, type XmlConfig } from './xml-backend';

/** An upstream answer a backend reads whole (to merge or convert it) may be at most this large. */
const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

export type BackendConfig = AggregateConfig | XmlConfig | GrpcConfig;

/**
 * Answers routes whose backend is not a plain proxy: an aggregate of upstream calls, or an
 * XML / SOAP upstream behind JSON. Configured once per route when the snapshot compiles;
 * absent on proxied routes (the forward stage answers those). It runs just before
 * forward and always answers or throws, so forward never runs on these routes.
 */
export const backend: Stage<BackendConfig> = {
  name: 'backend',
  phase: 'forward',
  priority: 10,
  configure(scope) {
    const spec = scope.route?.policies.backend;
    if (spec === undefined || spec.kind === 'proxy') return undefined;
    scope.services.pools.attach(scope.services.log, scope.services.metrics.registry);
    if (spec.kind === 'grpc') return compileGrpc(scope, spec);
    return spec.kind === 'aggregate' ? compileAggregate(scope, spec) : compileXml(scope, spec);
  },
  run(ctx, config) {
    if (config.kind === 'grpc') return runGrpcBackend(ctx, config);
    return config.kind === 'aggregate' ? runAggregate(ctx, config) : runXmlBackend(ctx, config);
  },
};

function deadlineOf(scope: StageScope): number {
  return scope.route!.policies.timeoutMs ?? scope.services.env.GATEWAY_UPSTREAM_TIMEOUT_MS;
}

function admissionOf(scope: StageScope) {
  const env = scope.services.env;
  return { queueTimeoutMs: env.GATEWAY_UPSTREAM_QUEUE_TIMEOUT_MS, clientShare: env.GATEWAY_UPSTREAM_CLIENT_SHARE };
}

function compileAggregate(scope: StageScope, spec: Extract<TRouteBackend, { kind: 'aggregate' }>): AggregateConfig {
  const route = scope.route!;
  const deadlineMs = deadlineOf(scope);
  const calls = spec.calls.map((call) => {
    const slug = call.upstream ?? route.api.slug;
    const upstream = call.upstream === undefined ? route.api.upstream : (scope.upstreams?.get(slug) ?? null);
    if (call.upstream !== undefined && !scope.upstreams?.has(slug)) scope.warn(`api ${route.api.slug} route ${route.key}: call ${call.name} names api ${slug}, which is not served; the call fails`);
    return {
      name: call.name,
      upstream,
      path: compileTemplate(call.path),
      query: Object.entries(call.query).map(([name, value]) => [name, compileTemplate(value)] as const),
      timeoutMs: Math.min(call.timeoutMs ?? deadlineMs, deadlineMs),
      optional: call.optional,
    };
  });
  return {
    kind: 'aggregate',
    calls,
    deadlineMs,
    readsQuery: calls.some((call) => readsQuery(call.path) || call.query.some(([, template]) => readsQuery(template))),
    admission: admissionOf(scope),
    maxAnswerBytes: MAX_ANSWER_BYTES,
  };
}

function compileXml(scope: StageScope, spec: Extract<TRouteBackend, { kind: 'xml' | 'soap' }>): XmlConfig {
  const route = scope.route!;
  const limits = routeBodyLimits(scope.services.env, route.policies.maxBodyBytes);
  return {
    kind: spec.kind,
    backend: spec,
    upstream: route.api.upstream,
    deadlineMs: deadlineOf(scope),
    body: { ...limits, bufferBytes: limits.maxBodyBytes },
    path: { stripLength: route.rewrite === null && route.stripBasePath ? route.stripPrefix.length : 0, rewrite: route.rewrite },
    requestHeaders: compileHeaderTransform(route.policies.requestHeaders),
    admission: admissionOf(scope),
    maxAnswerBytes: MAX_ANSWER_BYTES,
  };
}

function compileGrpc(scope: StageScope, spec: Extract<TRouteBackend, { kind: 'grpc' }>): GrpcConfig {
  const route = scope.route!;
  const method = compileGrpcMethod(spec);
  if (method.broken !== null) scope.warn(`api ${route.api.slug} route ${route.key}: ${method.broken}; the route answers 503`);
  const limits = routeBodyLimits(scope.services.env, route.policies.maxBodyBytes);
  return { kind: 'grpc', upstream: route.api.upstream, pools: scope.services.pools, deadlineMs: deadlineOf(scope), body: { ...limits, bufferBytes: limits.maxBodyBytes }, bodyField: spec.body, requestHeaders: compileHeaderTransform(route.policies.requestHeaders), ...method };
}
