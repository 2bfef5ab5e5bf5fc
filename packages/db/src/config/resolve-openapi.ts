import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TollgateError } from '@tollgate/errors';
import type { TConfigFile } from '@tollgate/contracts';

export type OpenApiDocuments = Map<string, Record<string, unknown>>;

async function readDocument(name: string, file: string, baseDir: string | null): Promise<unknown> {
  if (baseDir === null) {
    const reason = 'must be the document itself here, not a file path (the server reads no local files)';
    throw new TollgateError('invalid_params', { detail: `${name} ${reason}`, invalidParams: [{ name, reason }] });
  }
  const absolute = path.resolve(baseDir, file);
  try {
    return parseYaml(await readFile(absolute, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found: ${absolute}` : `cannot parse ${absolute}: ${(error as Error).message.split('\n')[0]}`;
    throw new TollgateError('invalid_params', { detail: `${name}: ${reason}`, invalidParams: [{ name, reason }] });
  }
}

/** Reads each API's `openapi` file (YAML or JSON, relative to the config file). */
/** `baseDir` null: only inline documents are accepted (a config sent to the admin API). */
export async function resolveOpenApiDocuments(config: TConfigFile, baseDir: string | null): Promise<OpenApiDocuments> {
  const documents: OpenApiDocuments = new Map();
  for (const [index, api] of config.apis.entries()) {
    if (!api.openapi) continue;
    const name = `apis[${index}].openapi`;
    const document = typeof api.openapi === 'string' ? await readDocument(name, api.openapi, baseDir) : api.openapi;
    const version = (document as { openapi?: unknown } | null)?.openapi;
    if (typeof version !== 'string' || !version.startsWith('3.')) {
      const reason = 'is not an OpenAPI 3.x document (no "openapi: 3.x" field)';
      throw new TollgateError('invalid_params', { detail: `${name} ${reason}`, invalidParams: [{ name, reason }] });
    }
    documents.set(api.slug, document as Record<string, unknown>);
  }
  return documents;
}
