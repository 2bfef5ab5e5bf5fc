import type { RequestTracer } from '../../adapters/tracing/request-tracer';
import type { Stage } from '../../pipeline/types';
import { CLIENT_CLOSED } from '../record/usage-event';

/** Ends the request's span once the response is complete, with what the request came to. Absent when tracing is off. */
export const endTrace: Stage<RequestTracer> = {
  name: 'end-trace',
  phase: 'record',
  // After record (0) and discover (-10): the span covers their work too.
  priority: -20,
  configure: ({ services }) => services.tracer ?? undefined,
  run(ctx) {
    const trace = ctx.trace;
    if (trace === null) return;
    const route = ctx.route;
    const principal = ctx.principal;
    trace.end({
      requestId: ctx.requestId,
      method: ctx.req.method,
      path: ctx.path,
      clientIp: ctx.clientIp,
      status: ctx.clientAborted ? CLIENT_CLOSED : ctx.res.statusCode,
      api: route?.api,
      route: route ?? undefined,
      app: principal?.app,
      plan: ctx.plan?.slug,
      problemCode: ctx.problemCode,
    });
  },
};
