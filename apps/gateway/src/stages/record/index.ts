import type { Logger } from 'pino';
import type { RouteMetrics } from '../../admin/gateway-metrics';
import type { Stage } from '../../pipeline/types';
import { MeteredResponse } from './metered-response';
import { CLIENT_CLOSED } from './usage-event';

export { CLIENT_CLOSED } from './usage-event';

export interface RecordConfig {
  readonly metrics: RouteMetrics;
  /** GATEWAY_ACCESS_LOG and info enabled: the logger for one line per request. */
  readonly accessLog: Logger | null;
}

/**
 * Counts every request once its response is complete (also when a stage failed). The
 * usage event itself is written by MeteredResponse just before the response ends; for a
 * response that never ended (the client left) it is written here, as a 499.
 */
export const record: Stage<RecordConfig> = {
  name: 'record',
  phase: 'record',
  priority: 0,
  configure: ({ route, services }) => ({
    metrics: route !== null ? route.metrics : services.metrics.forRoute('', ''),
    accessLog: services.env.GATEWAY_ACCESS_LOG && services.log.isLevelEnabled('info') ? services.log : null,
  }),
  run(ctx, config) {
    const status = ctx.clientAborted ? CLIENT_CLOSED : ctx.res.statusCode;
    if (ctx.res instanceof MeteredResponse) ctx.res.meter(status);
    const seconds = (performance.now() - ctx.startedAt) / 1000;
    config.metrics.observe(status, seconds);
    if (config.accessLog !== null) {
      // The root logger with the request id as a field: no child logger per request.
      const route = ctx.route;
      const app = ctx.principal?.app.slug;
      config.accessLog.info(
        { requestId: ctx.requestId, method: ctx.req.method, path: ctx.path, api: route?.api.slug, route: route?.key, app, status, ms: Math.round(seconds * 10_000) / 10 },
        'request',
      );
    }
  },
};
