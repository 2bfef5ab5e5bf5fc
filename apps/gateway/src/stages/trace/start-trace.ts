import type { RequestTracer } from '../../adapters/tracing/request-tracer';
import type { Stage } from '../../pipeline/types';

/**
 * Starts the request's span, first of all (before receive, so a request receive refuses
 * has one too), under the caller's traceparent when it is valid. The upstream then sees
 * this span as its parent, with the flags the sampler gave it (a parent-based sampler
 * keeps the caller's). Absent from the pipeline when tracing is off.
 */
export const startTrace: Stage<RequestTracer> = {
  name: 'start-trace',
  phase: 'receive',
  priority: 10,
  configure: ({ services }) => services.tracer ?? undefined,
  run(ctx, tracer) {
    const trace = tracer.start(ctx.req.headers, ctx.req.method);
    ctx.trace = trace;
    ctx.traceparent = trace.traceparent;
    ctx.tracestate = trace.tracestate;
  },
};
