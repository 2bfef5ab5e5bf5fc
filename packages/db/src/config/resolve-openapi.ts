import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TollgateError } from '@tollgate/errors';
import type { TConfigFile } from '@tollgate/contracts';

export type OpenApiDocuments = Map<string, Record<string, unknown>>;

/** Reads each API's `openapi` file (YAML or JSON, relative to the config file). */
export async function resolveOpenApiDocuments(config: TConfigFile, baseDir: string): Promise<OpenApiDocuments> {
  const documents: OpenApiDocuments = new Map();
  for (const [index, api] of config.apis.entries()) {
    if (!api.openapi) continue;
    const name = `apis[${index}].openapi`;
    const file = path.resolve(baseDir, api.openapi);
    let document: unknown;
    try {
      document = parseYaml(await readFile(file, 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found: ${file}` : `cannot parse ${file}: ${(error as Error).message.split('\n')[0]}`;
      throw new TollgateError('invalid_params', { detail: `${name}: ${reason}`, invalidParams: [{ name, reason }] });
    }
    const version = (document as { openapi?: unknown } | null)?.openapi;
    if (typeof version !== 'string' || !version.startsWith('3.')) {
      const reason = 'is not an OpenAPI 3.x document (no "openapi: 3.x" field)';
      throw new TollgateError('invalid_params', { detail: `${name} ${reason}`, invalidParams: [{ name, reason }] });
    }
    documents.set(api.slug, document as Record<string, unknown>);
  }
  return documents;
}
