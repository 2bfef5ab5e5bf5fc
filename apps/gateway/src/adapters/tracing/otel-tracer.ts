// The only module that loads the OpenTelemetry SDK; create-tracer.ts imports it
// dynamically, and only when tracing is on.
import type { IncomingHttpHeaders } from 'node:http';
import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler } from '@opentelemetry/sdk-trace-base';
import type { RequestTrace, RequestTracer, TraceOutcome } from './request-tracer';

export type SamplerName = 'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

export interface OtelSettings {
  /** The OTLP/HTTP traces URL (…/v1/traces). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly sampler: SamplerName;
  readonly samplerRatio: number;
  readonly scheduledDelayMillis: number;
  readonly maxQueueSize: number;
}

/** A tracer exporting one SERVER span per request over OTLP/HTTP (JSON), through a batch span processor. */
export function createOtelTracer(settings: OtelSettings): RequestTracer {
  const exporter = new OTLPTraceExporter({ url: settings.url, headers: { ...settings.headers } });
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': settings.serviceName, 'service.version': settings.serviceVersion })),
    sampler: samplerNamed(settings.sampler, settings.samplerRatio),
    spanProcessors: [
      new BatchSpanProcessor(exporter, {
        scheduledDelayMillis: settings.scheduledDelayMillis,
        maxQueueSize: settings.maxQueueSize,
        maxExportBatchSize: Math.min(512, settings.maxQueueSize),
      }),
    ],
  });
  const tracer = provider.getTracer('tollgate-gateway', settings.serviceVersion);
  const propagator = new W3CTraceContextPropagator();
  return {
    start(headers: IncomingHttpHeaders, method: string | undefined): RequestTrace {
      const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      const span = tracer.startSpan(method ?? 'HTTP', { kind: SpanKind.SERVER, attributes: method === undefined ? {} : { 'http.request.method': method } }, parent);
      const carrier: { traceparent?: string; tracestate?: string } = {};
      propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
      return new OtelRequestTrace(span, carrier.traceparent ?? '', carrier.tracestate);
    },
    shutdown: () => provider.shutdown(),
  };
}

function samplerNamed(name: SamplerName, ratio: number): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

/** One request's span; the upstream's last attempt is timed from when it was sent. */
class OtelRequestTrace implements RequestTrace {
  #target = '';
  #attempts = 0;
  #sentAt = 0;
  #connectedAt = 0;
  #respondedAt = 0;
  #endedAt = 0;

  constructor(
    private readonly span: Span,
    readonly traceparent: string,
    readonly tracestate: string | undefined,
  ) {}

  upstreamStarted(target: string): void {
    this.#target = target;
    this.#attempts++;
    this.#sentAt = performance.now();
    this.#connectedAt = this.#respondedAt = this.#endedAt = 0;
  }

  upstreamConnected(): void {
    this.#connectedAt = performance.now();
  }

  upstreamResponded(): void {
    this.#respondedAt = performance.now();
  }

  upstreamEnded(): void {
    this.#endedAt = performance.now();
  }

  end(outcome: TraceOutcome): void {
    const span = this.span;
    if (span.isRecording()) {
      if (outcome.route !== undefined) span.updateName(`${outcome.method ?? 'HTTP'} ${outcome.route.template}`);
      span.setAttributes(this.#attributes(outcome));
      if (outcome.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.problemCode || undefined });
    }
    span.end();
  }

  #attributes(outcome: TraceOutcome): Attributes {
    const attributes: Attributes = {
      'http.response.status_code': outcome.status,
      'url.path': outcome.path,
      'client.address': outcome.clientIp,
      'tollgate.request_id': outcome.requestId,
    };
    if (outcome.route !== undefined) {
      attributes['http.route'] = outcome.route.template;
      attributes['tollgate.route'] = outcome.route.key;
    }
    if (outcome.api !== undefined) {
      attributes['tollgate.api'] = outcome.api.slug;
      attributes['tollgate.api.id'] = outcome.api.id;
    }
    if (outcome.app !== undefined) {
      attributes['tollgate.app'] = outcome.app.slug;
      attributes['tollgate.app.id'] = outcome.app.id;
    }
    if (outcome.plan !== undefined) attributes['tollgate.plan'] = outcome.plan;
    if (outcome.problemCode !== '') attributes['tollgate.problem'] = outcome.problemCode;
    if (this.#attempts > 0) {
      attributes['tollgate.upstream.target'] = this.#target;
      attributes['tollgate.upstream.attempts'] = this.#attempts;
      if (this.#connectedAt > 0) attributes['tollgate.upstream.connect_ms'] = since(this.#sentAt, this.#connectedAt);
      if (this.#respondedAt > 0) attributes['tollgate.upstream.ttfb_ms'] = since(this.#sentAt, this.#respondedAt);
      if (this.#endedAt > 0) attributes['tollgate.upstream.total_ms'] = since(this.#sentAt, this.#endedAt);
    }
    return attributes;
  }
}

/** Milliseconds between two performance.now() readings, to the microsecond. */
function since(from: number, to: number): number {
  return Math.round((to - from) * 1000) / 1000;
}
