import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssuePath, isProtoPath, type TConfigFile } from '@tollgate/contracts';
import { grpcBackendIssues } from '@tollgate/contracts/grpc-proto';
import { TollgateError, type InvalidParam } from '@tollgate/errors';

/**
 * The file with each gRPC backend's `proto: some.proto` (relative to the config file)
 * replaced by the file's text, which is what is stored. A path is left as it is when
 * `baseDir` is null (the server reads no local files): the check below refuses it.
 */
export async function inlineGrpcProtos(config: TConfigFile, baseDir: string | null): Promise<TConfigFile> {
  if (baseDir === null) return config;
  const apis = await Promise.all(
    config.apis.map(async (api, apiIndex) => ({
      ...api,
      routes: await Promise.all(
        api.routes.map(async (route, routeIndex) => {
          const backend = route.backend;
          if (backend?.kind !== 'grpc' || !isProtoPath(backend.proto)) return route;
          const name = `apis[${apiIndex}].routes[${routeIndex}].backend.proto`;
          const absolute = path.resolve(baseDir, backend.proto.trim());
          try {
            return { ...route, backend: { ...backend, proto: await readFile(absolute, 'utf8') } };
          } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found: ${absolute}` : `cannot read ${absolute}: ${(error as Error).message}`;
            throw new TollgateError('invalid_params', { detail: `${name}: ${reason}`, invalidParams: [{ name, reason }] });
          }
        }),
      ),
    })),
  );
  return { ...config, apis };
}

/** Every gRPC backend's .proto parses, has its service and unary method, and fits its route; 400 invalid_params naming each field otherwise. */
export function checkGrpcBackends(config: TConfigFile): void {
  const invalid: InvalidParam[] = [];
  for (const [apiIndex, api] of config.apis.entries()) {
    for (const [routeIndex, route] of api.routes.entries()) {
      for (const issue of grpcBackendIssues(route)) invalid.push({ name: formatIssuePath(['apis', apiIndex, 'routes', routeIndex, ...issue.path]), reason: issue.message });
    }
  }
  if (invalid.length > 0) throw new TollgateError('invalid_params', { detail: invalid.map((param) => `${param.name}: ${param.reason}`).join('; '), invalidParams: invalid });
}
