// A gRPC backend's .proto, parsed and checked against the route: the one parser both
// apply (refusing a bad file, naming the field) and the gateway (compiling it once per
// snapshot) use. A separate entry point (@tollgate/contracts/grpc-proto) so browser
// bundles of the schemas do not carry protobufjs.
import protobuf from 'protobufjs';
import { isProtoPath, type TGrpcBackend, type TRouteBackendIssue } from './route-backend.schema';

export interface GrpcMethod {
  readonly root: protobuf.Root;
  readonly service: protobuf.Service;
  readonly method: protobuf.Method;
  readonly request: protobuf.Type;
  readonly response: protobuf.Type;
}

export type GrpcProtoResult = { ok: true; value: GrpcMethod } | { ok: false; issue: TRouteBackendIssue };

const issue = (field: string, message: string): GrpcProtoResult => ({ ok: false, issue: { path: ['backend', field], message } });

/**
 * Parses the .proto text (field names kept as written) and finds the backend's unary
 * method. Imports of google/protobuf well-known types are supplied; any other import is
 * refused (the .proto must be self-contained).
 */
export function compileGrpcProto(backend: Pick<TGrpcBackend, 'proto' | 'service' | 'method'>): GrpcProtoResult {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(backend.proto, { keepCase: true });
  } catch (error) {
    return issue('proto', `does not parse: ${(error as Error).message}`);
  }
  const root = parsed.root;
  for (const name of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
    const common = protobuf.common.get(name);
    if (common === null) return issue('proto', `imports ${name}: only google/protobuf well-known types may be imported (the .proto must be self-contained)`);
    root.addJSON(common.nested ?? {});
  }
  try {
    root.resolveAll();
  } catch (error) {
    return issue('proto', `does not resolve: ${(error as Error).message}`);
  }
  const service = root.lookup(backend.service);
  if (!(service instanceof protobuf.Service)) return issue('service', `the .proto declares no service ${backend.service}`);
  const method = service.methods[backend.method];
  if (method === undefined) return issue('method', `service ${backend.service} has no method ${backend.method}`);
  if (method.requestStream || method.responseStream) return issue('method', `${backend.service}.${backend.method} is streaming; only unary methods are served`);
  return { ok: true, value: { root, service, method, request: method.resolvedRequestType!, response: method.resolvedResponseType! } };
}

/**
 * A gRPC backend checked against its route: the .proto parses and has the method, each
 * path parameter of the route is a field of the request message, and `body` (unless `*`)
 * names one. `proto` must already be the text (a file path is read before this).
 */
export function grpcBackendIssues(route: { path: string; backend?: unknown }): TRouteBackendIssue[] {
  const backend = route.backend as TGrpcBackend | undefined;
  if (backend?.kind !== 'grpc') return [];
  if (isProtoPath(backend.proto)) return [{ path: ['backend', 'proto'], message: 'must be the .proto text here, not a file path (the server reads no local files)' }];
  const compiled = compileGrpcProto(backend);
  if (!compiled.ok) return [compiled.issue];
  const request = compiled.value.request;
  const issues: TRouteBackendIssue[] = [];
  for (const match of route.path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    if (request.fields[match[1]!] === undefined) issues.push({ path: ['path'], message: `{${match[1]}} is not a field of ${request.fullName.slice(1)}` });
  }
  if (backend.body !== undefined && backend.body !== '*' && request.fields[backend.body] === undefined) {
    issues.push({ path: ['backend', 'body'], message: `${backend.body} is not a field of ${request.fullName.slice(1)}` });
  }
  return issues;
}
