import { randomUUID } from 'node:crypto';
import { TollgateError } from '@tollgate/errors';
import type { Stage } from '../../pipeline/types';
import { checkRequestTarget, PATH_PROBLEMS, type PathProblem } from './normalize-path';

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Gives the request its id (the caller's X-Request-Id when sane) and checks the path once. */
export const receive: Stage<true> = {
  name: 'receive',
  phase: 'receive',
  priority: 0,
  configure: () => true,
  run(ctx) {
    const incoming = ctx.req.headers['x-request-id'];
    ctx.requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const url = ctx.req.url ?? '';
    const end = checkRequestTarget(url);
    if (end < 0) throw new TollgateError('invalid_path', { detail: PATH_PROBLEMS[end as PathProblem] });
    ctx.path = end === url.length ? url : url.slice(0, end);
    ctx.query = end < url.length - 1 ? url.slice(end + 1) : '';
  },
};
