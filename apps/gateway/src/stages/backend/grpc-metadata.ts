import * as grpc from '@grpc/grpc-js';
import type { GatewayContext } from '../../pipeline/context';
import type { CompiledHeaderTransform } from '../forward/header-transform';
import { forwardHeaders } from '../forward/forward-headers';

/**
 * Headers the gRPC transport owns (HTTP/2 framing, the call's own content type, encoding,
 * deadline and status): never copied into metadata, where they would confuse the server.
 */
const TRANSPORT = new Set(['content-type', 'content-length', 'content-encoding', 'accept-encoding', 'accept', 'te', 'host', 'user-agent']);
/** A metadata key grpc-js accepts; `-bin` keys carry binary values and are left out. */
const METADATA_KEY = /^[0-9a-z_.-]+$/;
/** Printable ASCII: what an ASCII metadata value may hold. */
const METADATA_VALUE = /^[\x20-\x7e]*$/;

/**
 * The call's metadata: what a proxied request's upstream gets as headers (the client's
 * own headers without hop-by-hop ones and Tollgate keys, the route's request-header
 * transform, X-Forwarded-*, traceparent, X-Request-Id, X-Consumer-Id, X-Plan), less
 * what the gRPC transport owns.
 */
export function grpcMetadata(ctx: GatewayContext, transform: CompiledHeaderTransform | null): grpc.Metadata {
  const metadata = new grpc.Metadata();
  const headers = forwardHeaders(ctx, transform);
  for (let i = 0; i < headers.length; i += 2) {
    const key = headers[i]!.toLowerCase();
    const value = headers[i + 1]!;
    if (TRANSPORT.has(key) || key.startsWith('grpc-') || key.endsWith('-bin') || !METADATA_KEY.test(key) || !METADATA_VALUE.test(value)) continue;
    metadata.add(key, value);
  }
  return metadata;
}
