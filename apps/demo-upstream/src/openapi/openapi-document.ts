import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** apps/demo-upstream/openapi.yaml: the document the seed points every demo API at. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

export interface OpenApiDocument {
  yaml: string;
  json: string;
}

export function loadOpenApiDocument(): OpenApiDocument {
  const yaml = readFileSync(OPENAPI_PATH, 'utf8');
  return { yaml, json: JSON.stringify(parse(yaml)) };
}
