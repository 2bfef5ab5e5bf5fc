import type { IncomingHttpHeaders } from 'node:http';

/**
 * Records one span per request. Only exists when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT):
 * otherwise the gateway holds no tracer, the trace stages are absent from every route and
 * the SDK is never loaded.
 */
export interface RequestTracer {
  /** Starts the request's span under the caller's `traceparent` (when valid) or as a new trace. */
  start(headers: IncomingHttpHeaders, method: string | undefined): RequestTrace;
  /** Exports the spans still waiting and stops the exporter. */
  shutdown(): Promise<void>;
}

/** One request's span, as the pipeline sees it. */
export interface RequestTrace {
  /** The traceparent for the upstream: this span's trace and span ids, the sampler's flags. */
  readonly traceparent: string;
  /** The tracestate to pass on beside it, if any. */
  readonly tracestate: string | undefined;
  /** Forward reports each attempt: sent to `target` (an origin), given a connection, response head received, exchange over. */
  upstreamStarted(target: string): void;
  upstreamConnected(): void;
  upstreamResponded(): void;
  upstreamEnded(): void;
  /** Ends the span with what the request came to. */
  end(outcome: TraceOutcome): void;
}

/** What a request came to, read from its context by the end-trace stage. */
export interface TraceOutcome {
  readonly requestId: string;
  readonly method: string | undefined;
  /** The canonical path, without the query. */
  readonly path: string;
  readonly clientIp: string;
  readonly status: number;
  readonly api: { readonly id: string; readonly slug: string } | undefined;
  readonly route: { readonly key: string; readonly template: string } | undefined;
  readonly app: { readonly id: string; readonly slug: string } | undefined;
  readonly plan: string | undefined;
  /** The problem code when the gateway answered with an error itself, or ''. */
  readonly problemCode: string;
}
