import type { TConfigFile } from '@tollgate/contracts';
import { inlineGrpcProtos, resolveOpenApiDocuments } from '@tollgate/db';

/** The file with each `openapi: path` (and gRPC backend `proto: path`) replaced by what it names, so whoever applies it reads no local files. */
export async function inlineOpenApiDocuments(file: TConfigFile, baseDir: string): Promise<TConfigFile> {
  const config = await inlineGrpcProtos(file, baseDir);
  const documents = await resolveOpenApiDocuments(config, baseDir);
  if (documents.size === 0) return config;
  return { ...config, apis: config.apis.map((api) => (documents.has(api.slug) ? { ...api, openapi: documents.get(api.slug) } : api)) };
}
