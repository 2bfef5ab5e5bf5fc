import { PHASES, type Stage } from '../pipeline/types';
import { authenticate } from './authenticate';
import { backend } from './backend';
import { block } from './block';
import { cache } from './cache';
import { cors } from './cors';
import { discover } from './discover';
import { corsPreflight } from './cors/preflight';
import { expectContinue } from './expect-continue';
import { forward } from './forward';
import { limit } from './limit';
import { meteringGuard } from './metering-guard';
import { ipRules } from './ip-rules';
import { lifecycle } from './lifecycle';
import { receive } from './receive';
import { responseHeaders } from './response-headers';
import { record } from './record';
import { route } from './route';
import { sampleBody } from './sample-body';
import { endTrace } from './trace/end-trace';
import { startTrace } from './trace/start-trace';
import { validate } from './validate';

/** Every stage of the request path, in the order they run. */
export const STAGES: readonly Stage[] = ([startTrace, receive, corsPreflight, block, route, responseHeaders, lifecycle, cors, ipRules, authenticate, meteringGuard, limit, cache, validate, sampleBody, expectContinue, backend, forward, record, discover, endTrace] as Stage[]).sort(
  (a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || b.priority - a.priority,
);
