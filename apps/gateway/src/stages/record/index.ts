import type { RouteMetrics } from '../../admin/gateway-metrics';
import type { Stage } from '../../pipeline/types';
import type { AccessLog } from './access-log';
import { MeteredResponse } from './metered-response';
import { CLIENT_CLOSED } from './usage-event';

export { CLIENT_CLOSED } from './usage-event';

export interface RecordConfig {
  readonly metrics: RouteMetrics;
  readonly accessLog: AccessLog | null;
}

/**
 * Counts every request once its response is complete (also when a stage failed). The
 * usage event itself is written by MeteredResponse just before the response ends; for a
 * response that never ended it is written here: as a 499 when the client left, with the
 * failure's status (502 or 504) when the upstream broke off the body.
 */
export const record: Stage<RecordConfig> = {
  name: 'record',
  phase: 'record',
  priority: 0,
  configure: ({ route, services }) => ({
    metrics: route !== null ? route.metrics : services.metrics.forRoute('', ''),
    accessLog: services.accessLog,
  }),
  run(ctx, config) {
    const status = ctx.clientAborted ? CLIENT_CLOSED : ctx.brokenOffStatus || ctx.res.statusCode;
    if (ctx.res instanceof MeteredResponse) ctx.res.meter(status);
    const seconds = (performance.now() - ctx.startedAt) / 1000;
    config.metrics.observe(status, seconds);
    if (config.accessLog !== null) {
      const route = ctx.route;
      config.accessLog.write({
        requestId: ctx.requestId,
        traceId: ctx.traceparent === '' ? undefined : ctx.traceparent.slice(3, 35),
        method: ctx.req.method,
        path: ctx.path,
        api: route?.api.slug,
        route: route?.key,
        app: ctx.principal?.app.slug,
        upstreamVersion: ctx.upstreamVersion ?? undefined,
        status,
        ms: Math.round(seconds * 10_000) / 10,
      });
    }
  },
};
