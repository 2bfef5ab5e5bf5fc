import { TollgateError } from '@tollgate/errors';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { Stage } from '../../pipeline/types';
import { forwardHeaders } from './forward-headers';
import { ProxyHandler } from './proxy-handler';
import { readForwardPolicy } from './schema';
import { upstreamPath, type UpstreamPathConfig } from './upstream-path';

export interface ForwardConfig extends UpstreamPathConfig {
  readonly upstream: UpstreamBalancer | null;
  readonly timeoutMs: number;
}

/** Sends the request to one upstream target and streams the answer back. */
export const forward: Stage<ForwardConfig> = {
  name: 'forward',
  phase: 'forward',
  priority: 0,
  configure({ route, services, warn }) {
    if (route === null) return undefined;
    const api = route.api;
    const upstreamPolicy = readForwardPolicy(api.upstreamSettings, `api ${api.slug} upstream settings`, warn);
    const routePolicy = readForwardPolicy(route.policies, `api ${api.slug} route ${route.key}`, warn);
    const stripLength = route.rewrite === null && route.stripBasePath && api.basePath !== '/' ? api.basePath.length : 0;
    return {
      upstream: api.upstream,
      timeoutMs: routePolicy.timeoutMs ?? upstreamPolicy.timeoutMs ?? services.env.GATEWAY_UPSTREAM_TIMEOUT_MS,
      stripLength,
      rewrite: route.rewrite,
    };
  },
  run(ctx, config) {
    const target = config.upstream?.pick();
    if (target === undefined) {
      throw new TollgateError('no_healthy_target', { detail: 'This API has no upstream target to send the request to.' });
    }
    const req = ctx.req;
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    return new Promise<void>((resolve, reject) => {
      target.pool.dispatch(
        {
          method: req.method as 'GET',
          path: upstreamPath(ctx, config, target.prefix),
          headers: forwardHeaders(ctx),
          body: hasBody ? req : null,
          headersTimeout: config.timeoutMs,
          bodyTimeout: config.timeoutMs,
        },
        new ProxyHandler(ctx, target, resolve, reject),
      );
    });
  },
};
