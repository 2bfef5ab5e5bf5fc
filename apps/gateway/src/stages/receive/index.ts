import { randomUUID } from 'node:crypto';
import { TollgateError } from '@tollgate/errors';
import type { Stage } from '../../pipeline/types';
import { compileIpRanges, type IpRanges } from '../ip-rules/ip-ranges';
import { checkFraming } from './check-framing';
import { clientIp, socketAddress } from './client-ip';
import { canonicalPath, checkRequestTarget, PATH_PROBLEMS, type PathProblem } from './normalize-path';
import { nextTraceparent } from './trace-context';

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export interface ReceiveConfig {
  /** GATEWAY_TRUSTED_PROXIES, or null when no proxy is trusted. */
  readonly trustedProxies: IpRanges | null;
}

/**
 * Gives the request its id (the caller's X-Request-Id when sane), its trace context and
 * client address, refuses ambiguous framing, and checks the path once and gives it its
 * canonical spelling: every later stage and the upstream see that one path.
 */
export const receive: Stage<ReceiveConfig> = {
  name: 'receive',
  phase: 'receive',
  priority: 0,
  configure: ({ services }) => {
    const trusted = services.env.GATEWAY_TRUSTED_PROXIES;
    return { trustedProxies: trusted.length > 0 ? compileIpRanges(trusted) : null };
  },
  run(ctx, config) {
    const req = ctx.req;
    const headers = req.headers;
    const incoming = headers['x-request-id'];
    ctx.requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    // start-trace, when tracing is on, has set the trace context already.
    if (ctx.traceparent === '') {
      const trace = nextTraceparent(single(headers.traceparent));
      ctx.traceparent = trace.traceparent;
      if (trace.valid) ctx.tracestate = single(headers.tracestate);
    }
    const trusted = config.trustedProxies;
    ctx.clientIp = clientIp(req, trusted);
    if (trusted !== null) ctx.peerTrusted = trusted.has(socketAddress(req));
    const framing = checkFraming(req);
    if (framing !== null) throw new TollgateError('bad_request', { detail: framing, headers: { connection: 'close' } });
    const url = req.url ?? '';
    const end = checkRequestTarget(url);
    if (end < 0) throw new TollgateError('invalid_path', { detail: PATH_PROBLEMS[end as PathProblem] });
    const path = end === url.length ? url : url.slice(0, end);
    const canonical = path.includes('%') ? canonicalPath(path) : path;
    if (canonical === -7) throw new TollgateError('invalid_path', { detail: PATH_PROBLEMS[-7] });
    ctx.path = canonical;
    ctx.query = end < url.length - 1 ? url.slice(end + 1) : '';
  },
};

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
