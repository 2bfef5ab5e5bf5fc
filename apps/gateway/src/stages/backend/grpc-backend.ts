import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { TGrpcBackend } from '@tollgate/contracts';
import { compileGrpcProto } from '@tollgate/contracts/grpc-proto';
import { TollgateError } from '@tollgate/errors';
import type protobuf from 'protobufjs';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { UpstreamPools } from '../../adapters/upstream/upstream-pools';
import type { UpstreamTarget } from '../../adapters/upstream/upstream-target';
import type { GatewayContext } from '../../pipeline/context';
import type { CompiledHeaderTransform } from '../forward/header-transform';
import { readRequestBody, type BodyLimits } from '../forward/request-body';
import { circuitOpen, noHealthyTarget } from '../forward/send-upstream';
import { buildRequestMessage, grpcProblem } from './grpc-mapping';
import { grpcMetadata } from './grpc-metadata';
import { ClientGone, clientGone, DeadlineExceeded, requestSignal } from './request-signal';
import { settleCall, type CallOutcome } from './upstream-call';

export interface GrpcConfig {
  readonly kind: 'grpc';
  readonly upstream: UpstreamBalancer | null;
  /** The gateway's pools: its gRPC channels are kept under them. */
  readonly pools: UpstreamPools;
  readonly deadlineMs: number;
  readonly body: BodyLimits;
  readonly bodyField: string | undefined;
  /** The route's requestHeaders policy, applied to the call's metadata; or null. */
  readonly requestHeaders: CompiledHeaderTransform | null;
  readonly method: grpc.MethodDefinition<object, object> | null;
  readonly request: protobuf.Type | null;
  /** Why the route cannot be served (its .proto did not compile); null when it can. */
  readonly broken: string | null;
}

/** proto3 JSON-ish: 64-bit integers and enums as strings, bytes as base64, every field present. */
const LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, bytes: String, defaults: true, oneofs: true };

/** gRPC statuses that say the target is unwell (they count against it for health and the breaker). */
const UNWELL = new Set([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED]);

/** The method's codec, made from the route's .proto when the snapshot compiles (never per request). */
export function compileGrpcMethod(backend: TGrpcBackend): Pick<GrpcConfig, 'method' | 'request' | 'broken'> {
  const compiled = compileGrpcProto(backend);
  if (!compiled.ok) return { method: null, request: null, broken: `backend.${compiled.issue.path.at(-1)} ${compiled.issue.message}` };
  const definition = protoLoader.fromJSON(compiled.value.root.toJSON(), LOADER_OPTIONS);
  const service = definition[backend.service] as grpc.ServiceDefinition;
  return { method: service[backend.method] as grpc.MethodDefinition<object, object>, request: compiled.value.request, broken: null };
}

/** One HTTP/2 channel per target origin, shared by every route and snapshot of one gateway (keyed by its pools). */
const channels = new WeakMap<UpstreamPools, Map<string, grpc.Client>>();

function clientFor(pools: UpstreamPools, target: UpstreamTarget): grpc.Client {
  let clients = channels.get(pools);
  if (clients === undefined) channels.set(pools, (clients = new Map()));
  let client = clients.get(target.origin);
  if (client === undefined) {
    const url = new URL(target.origin);
    const credentials = url.protocol === 'https:' ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
    client = new grpc.Client(url.host, credentials);
    clients.set(target.origin, client);
  }
  return client;
}

/** Closes the gateway's channels (its shutdown, after requests in flight are drained). */
export function closeGrpcChannels(pools: UpstreamPools): void {
  for (const client of channels.get(pools)?.values() ?? []) client.close();
  channels.delete(pools);
}

/**
 * Transcodes the request to the route's unary gRPC method and answers its message as JSON;
 * a non-OK status becomes problem+json with the status mapped to HTTP. The call's
 * deadline is the route's; the client leaving cancels it.
 */
export async function runGrpcBackend(ctx: GatewayContext, config: GrpcConfig): Promise<void> {
  if (config.method === null || config.request === null) throw new TollgateError('route_misconfigured', { internal: config.broken ?? 'no method', detail: 'This route cannot be served until its configuration is fixed.' });
  if (config.upstream === null) throw noHealthyTarget();
  const body = config.bodyField === undefined ? undefined : await readJson(ctx, config.body);
  const message = buildRequestMessage(config.request, { params: ctx.params, query: ctx.query, body, bodyField: config.bodyField });
  const encoded = encodeRequest(config.request, message);
  const watch = requestSignal(ctx, config.deadlineMs);
  try {
    const answer = await callGrpc(config.pools, config.upstream, config.method, { message: encoded, metadata: grpcMetadata(ctx, config.requestHeaders) }, watch.signal, config.deadlineMs);
    const text = JSON.stringify(answer);
    ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-request-id': ctx.requestId });
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : text);
  } catch (error) {
    throw error instanceof ClientGone ? clientGone(ctx) : error;
  } finally {
    watch.done();
  }
}

/** The request message's bytes; a value of the wrong shape (an object where a string goes, ...) is the client's error (400). */
function encodeRequest(type: protobuf.Type, message: Record<string, unknown>): Buffer {
  try {
    const built = type.fromObject(message);
    const invalid = type.verify(built);
    if (invalid !== null) throw new Error(invalid);
    return Buffer.from(type.encode(built).finish());
  } catch (error) {
    throw new TollgateError('bad_request', { detail: `The request does not fit ${type.fullName.slice(1)}: ${(error as Error).message}` });
  }
}

/** The request is encoded already (above); the method's own serializer is not used. */
const asIs = (bytes: Buffer): Buffer => bytes;

async function readJson(ctx: GatewayContext, limits: BodyLimits): Promise<unknown> {
  const read = ctx.requestBody ?? (await readRequestBody(ctx.req, limits));
  if (read.body === null) return undefined;
  if (!Buffer.isBuffer(read.body)) throw new TollgateError('payload_too_large', { detail: 'The request body is too large to transcode.' });
  if (read.body.length === 0) return undefined;
  try {
    return JSON.parse(read.body.toString('utf8')) as unknown;
  } catch {
    throw new TollgateError('bad_request', { detail: 'The request body is not JSON.' });
  }
}

/** One unary call behind the upstream's breaker, to a target the balancer picks; the outcome counts for its health. */
async function callGrpc(pools: UpstreamPools, balancer: UpstreamBalancer, method: grpc.MethodDefinition<object, object>, request: GrpcRequest, signal: AbortSignal, deadlineMs: number): Promise<object> {
  const breaker = balancer.state.breaker;
  const admitted = breaker.admit(Date.now());
  if (admitted === 'refuse') throw circuitOpen();
  const probe = admitted === 'probe';
  const target = balancer.pick(Date.now());
  if (target === undefined) {
    breaker.release(probe);
    throw noHealthyTarget();
  }
  target.inFlight++;
  let outcome: CallOutcome = 'neutral';
  try {
    const answer = await unaryCall(clientFor(pools, target), method, request, signal, deadlineMs);
    outcome = 'success';
    return answer;
  } catch (error) {
    if (!(error instanceof GrpcFailure)) throw error;
    outcome = UNWELL.has(error.status) ? 'failure' : 'success';
    throw grpcProblem(error.status, error.details);
  } finally {
    target.inFlight--;
    settleCall(balancer, target, probe, outcome);
  }
}

/** A call that ended with a non-OK status (the route's own deadline counts as DEADLINE_EXCEEDED). */
class GrpcFailure extends Error {
  constructor(
    readonly status: grpc.status,
    readonly details: string,
  ) {
    super(`gRPC status ${status}: ${details}`);
  }
}

/** The encoded request message and the metadata that goes with it. */
interface GrpcRequest {
  readonly message: Buffer;
  readonly metadata: grpc.Metadata;
}

function unaryCall(client: grpc.Client, method: grpc.MethodDefinition<object, object>, request: GrpcRequest, signal: AbortSignal, deadlineMs: number): Promise<object> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const call = client.makeUnaryRequest(method.path, asIs, method.responseDeserialize, request.message, request.metadata, { deadline: Date.now() + deadlineMs }, (error, answer) => {
      signal.removeEventListener('abort', cancel);
      if (signal.aborted && signal.reason instanceof ClientGone) return reject(signal.reason);
      if (error) {
        const code = signal.aborted && signal.reason instanceof DeadlineExceeded ? grpc.status.DEADLINE_EXCEEDED : error.code;
        return reject(new GrpcFailure(code, error.details));
      }
      resolve(answer!);
    });
    const cancel = () => call.cancel();
    signal.addEventListener('abort', cancel, { once: true });
  });
}
