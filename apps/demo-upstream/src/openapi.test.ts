// The document and the code agree: every route the server implements is documented, every
// documented operation is implemented, and the document is valid OpenAPI 3.1.
import { readFileSync } from 'node:fs';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRoutes } from './create-routes';
import { OPENAPI_PATH } from './openapi/openapi-document';
import { call, useDemoUpstream } from './testing';

const upstream = useDemoUpstream();
const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type PathItem = Record<string, unknown>;

function documentedOperations(document: { paths: Record<string, PathItem> }): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => OPERATIONS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('openapi.yaml', () => {
  const document = parse(readFileSync(OPENAPI_PATH, 'utf8')) as { openapi: string; paths: Record<string, PathItem> };

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents exactly the routes the server implements', () => {
    const implemented = createRoutes(() => new Date()).map((route) => `${route.method} ${route.path}`);
    expect(new Set(implemented).size).toBe(implemented.length);
    expect(documentedOperations(document).sort()).toEqual(implemented.sort());
  });

  it('covers the three API areas', () => {
    const paths = Object.keys(document.paths);
    for (const prefix of ['/weather/', '/catalog/', '/payments/']) expect(paths.filter((path) => path.startsWith(prefix)).length).toBeGreaterThanOrEqual(2);
  });

  it('is served as YAML and as JSON', async () => {
    const yaml = await call(upstream.url, '/openapi.yaml');
    expect(yaml.status).toBe(200);
    expect(yaml.contentType).toMatch(/^application\/yaml/);
    expect(parse(yaml.body as string)).toEqual(document);
    const json = await call(upstream.url, '/openapi.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(document);
  });
});
