import type { TConfigFile } from '@tollgate/contracts';
import { resolveOpenApiDocuments } from '@tollgate/db';

/** The file with each `openapi: path` replaced by the document it names, so whoever applies it reads no local files. */
export async function inlineOpenApiDocuments(config: TConfigFile, baseDir: string): Promise<TConfigFile> {
  const documents = await resolveOpenApiDocuments(config, baseDir);
  if (documents.size === 0) return config;
  return { ...config, apis: config.apis.map((api) => (documents.has(api.slug) ? { ...api, openapi: documents.get(api.slug) } : api)) };
}
