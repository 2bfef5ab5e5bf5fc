import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { ResponseSample } from '../adapters/discovery/response-sample';
import type { RequestTrace } from '../adapters/tracing/request-tracer';
import type { CompiledApp, CompiledKey, CompiledPlan, CompiledRoute, CompiledSnapshot, CompiledSubscription } from '../config/compiled-snapshot.types';

/** Who is calling: set by authenticate, read by every stage after it. */
export type Principal = KeyPrincipal | JwtPrincipal;

export interface KeyPrincipal {
  readonly kind: 'key';
  readonly key: CompiledKey;
  readonly app: CompiledApp;
  readonly subscription: CompiledSubscription;
}

/** A caller that presented a JWT: `issuer` and `subject` (the app claim's value) named the app. */
export interface JwtPrincipal {
  readonly kind: 'jwt';
  readonly key: null;
  readonly issuer: string;
  readonly subject: string;
  readonly app: CompiledApp;
  readonly subscription: CompiledSubscription;
}

/** A WebSocket upgrade request: the client's socket and the bytes read past the request head. */
export interface UpgradeRequest {
  readonly socket: Duplex;
  readonly head: Buffer;
}

/** A request body read before forward: nothing, or the whole body in memory (so it can be sent again). */
export interface ReadBody {
  readonly body: Buffer | null;
  readonly replayable: true;
}

export type RouteParams = Readonly<Record<string, string | undefined>>;
const NO_PARAMS: RouteParams = Object.freeze({});

/**
 * Everything one request carries through the pipeline, as named fields with fixed
 * types (one shape for every request, no free-form bag).
 */
export class GatewayContext {
  readonly startedAt = performance.now();
  requestId = '';
  /** The request path in its canonical spelling (receive): no query, no ambiguous encodings; routing, stripping and the upstream all use it. */
  path = '';
  /** The raw query string without `?`, or ''. */
  query = '';
  /** The caller's address: the socket peer, or from X-Forwarded-For when the peer is a trusted proxy; IPv4-mapped IPv6 as IPv4. */
  clientIp = '';
  /** The socket peer is in GATEWAY_TRUSTED_PROXIES: its X-Forwarded-* and Forwarded are kept and appended to. */
  peerTrusted = false;
  /** W3C traceparent for the upstream: the caller's trace id (or a new one) with a new span id. */
  traceparent = '';
  /** The caller's tracestate, kept only beside a valid traceparent. */
  tracestate: string | undefined = undefined;
  /** This request's span when tracing is on (start-trace sets it, forward times the upstream, end-trace ends it); null otherwise. */
  trace: RequestTrace | null = null;
  route: CompiledRoute | null = null;
  params: RouteParams = NO_PARAMS;
  principal: Principal | null = null;
  plan: CompiledPlan | null = null;
  /** Authentication refused the credential presented (unknown or malformed key, invalid JWT) or throttled the address: record folds the usage event per address and minute. */
  failedAuth = false;
  /** The problem code when the gateway answered the request itself with an error ('' otherwise): the usage event's outcome tells a limit from a quota by it. */
  problemCode = '';
  /** The client went away before the response completed. */
  clientAborted = false;
  /** The upstream broke off a response whose head was already sent: 502, or 504 when its body stalled past the timeout (0 otherwise); recorded instead of the status sent. */
  brokenOffStatus = 0;
  /** The request body, when a stage before forward had to read it whole (request validation); forward sends it. */
  requestBody: ReadBody | null = null;
  /** A copy of the response's first bytes when discovery samples this request's body (sample-body sets it, forward fills it, discover reads it). */
  responseSample: ResponseSample | null = null;
  /** The upstream version a traffic split chose (forward sets it; the access log and the usage event carry it), or null. */
  upstreamVersion: string | null = null;
  /** Set when the client asked to upgrade to WebSocket (forward proxies the upgrade). */
  upgrade: UpgradeRequest | null = null;
  #log: Logger | null = null;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly snapshot: CompiledSnapshot,
    private readonly rootLog: Logger,
  ) {}

  /** A logger bound to this request id, made on first use. */
  get log(): Logger {
    return (this.#log ??= this.rootLog.child({ requestId: this.requestId }));
  }
}
