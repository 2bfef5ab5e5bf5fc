import type { IncomingHttpHeaders } from 'node:http';
import { isTollgateError, TollgateError } from '@tollgate/errors';
import type { Dispatcher } from 'undici';
import type { AdmissionPolicy } from '../../adapters/upstream/connection-admission';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { UpstreamTarget } from '../../adapters/upstream/upstream-target';
import { isLocalError } from '../forward/proxy-handler';
import { circuitOpen, noHealthyTarget } from '../forward/send-upstream';
import { ClientGone } from './request-signal';

/** Upstream answers that say the target is unwell (they count as failures for health and the breaker). */
const UNWELL = new Set([502, 503, 504]);

export interface UpstreamCall {
  readonly method: Dispatcher.HttpMethod;
  /** Path and query after the target's own path prefix. */
  readonly path: string;
  readonly headers: string[];
  readonly body: Buffer | null;
  /** Aborted by the client leaving, the route's deadline or the call's own timeout. */
  readonly signal: AbortSignal;
  /** Answers larger than this fail the call. */
  readonly maxAnswerBytes: number;
}

export interface CallAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Who is calling, for the per-consumer and per-address share of an upstream's connections. */
export interface CallCaller {
  readonly consumer: string | null;
  readonly address: string;
  readonly admission: AdmissionPolicy;
}

/**
 * One request to an upstream through its pools, with the answer read whole: behind the
 * upstream's circuit breaker, to a target the balancer picks (healthy, not ejected), in a
 * connection slot of the target's pool. The outcome counts for passive health and the
 * breaker as a proxied request's would; a call the client abandoned counts neither way.
 * Throws a TollgateError (upstream_timeout, upstream_failed, circuit_open, ...).
 */
export async function callUpstream(balancer: UpstreamBalancer, call: UpstreamCall, caller: CallCaller): Promise<CallAnswer> {
  const breaker = balancer.state.breaker;
  const now = Date.now();
  const admitted = breaker.admit(now);
  if (admitted === 'refuse') throw circuitOpen();
  const probe = admitted === 'probe';
  const target = balancer.pick(now);
  if (target === undefined) {
    breaker.release(probe);
    throw noHealthyTarget();
  }
  try {
    await takeSlot(target, caller, call.signal);
  } catch (error) {
    breaker.release(probe);
    throw error;
  }
  target.inFlight++;
  let outcome: CallOutcome = 'neutral';
  try {
    const answer = await send(target, call);
    outcome = UNWELL.has(answer.status) ? 'failure' : 'success';
    return answer;
  } catch (error) {
    const failure = toCallError(error as Error, call.signal, target);
    if (failure.counts) outcome = 'failure';
    throw failure.error;
  } finally {
    target.inFlight--;
    target.admission.release(caller.consumer, caller.address, caller.admission);
    settleCall(balancer, target, probe, outcome);
  }
}

/** How a call behind the breaker ended: it counts for the target's health and the breaker, or (neutral) neither way. */
export type CallOutcome = 'success' | 'failure' | 'neutral';

/** Reports a finished call's outcome to its target's health and to the upstream's breaker. */
export function settleCall(balancer: UpstreamBalancer, target: UpstreamTarget, probe: boolean, outcome: CallOutcome): void {
  const breaker = balancer.state.breaker;
  if (outcome === 'success') {
    target.passed();
    breaker.success(probe);
  } else if (outcome === 'failure') {
    const at = Date.now();
    balancer.state.failed(target, at);
    breaker.failure(probe, at);
  } else breaker.release(probe);
}

/** Takes a connection slot of the target's pool, waiting (bounded) when all are held; gives up its place when the signal aborts. */
function takeSlot(target: UpstreamTarget, caller: CallCaller, signal: AbortSignal): Promise<void> {
  const pending = target.admission.acquire(caller.consumer, caller.address, caller.admission);
  if (pending === null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      pending.cancel();
      reject(signal.reason as Error);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.granted.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        // Granted in the same turn as the abort: hand the slot straight back.
        if (aborted) target.admission.release(caller.consumer, caller.address, caller.admission);
        else resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

async function send(target: UpstreamTarget, call: UpstreamCall): Promise<CallAnswer> {
  const response = await target.pool.request({
    method: call.method,
    path: target.prefix + call.path,
    headers: call.headers,
    body: call.body,
    signal: call.signal,
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > call.maxAnswerBytes) {
      response.body.destroy();
      throw new TollgateError('upstream_failed', { detail: `The upstream's answer was larger than ${call.maxAnswerBytes} bytes.` });
    }
    chunks.push(chunk);
  }
  return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks, size) };
}

/** The error a failed call throws, and whether it counts against the upstream's health. */
function toCallError(error: Error, signal: AbortSignal, target: UpstreamTarget): { error: Error; counts: boolean } {
  if (signal.aborted) {
    const reason = signal.reason as Error;
    if (reason instanceof ClientGone) return { error: reason, counts: false };
    // The call's timeout or the route's deadline: the upstream was too slow.
    return { error: new TollgateError('upstream_timeout', { detail: 'The upstream did not answer in time.', internal: `${target.origin}: ${reason.message}`, cause: error }), counts: true };
  }
  if (isTollgateError(error)) return { error, counts: false };
  if (isLocalError(error)) return { error: new TollgateError('internal_error', { internal: `${target.origin}: ${error.message}`, cause: error }), counts: false };
  const code = (error as { code?: string }).code ?? error.name;
  const timedOut = code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
  return {
    error: timedOut
      ? new TollgateError('upstream_timeout', { detail: 'The upstream did not answer in time.', internal: `${target.origin}: ${code}: ${error.message}`, cause: error })
      : new TollgateError('upstream_failed', { detail: 'The upstream could not be reached or broke off the answer.', internal: `${target.origin}: ${code}: ${error.message}`, cause: error }),
    counts: true,
  };
}
