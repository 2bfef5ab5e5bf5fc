import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { problemComponents } from './problem-components';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 from a zod schema, as OpenAPI 3.1 embeds it (no `$schema` inside components). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const pascal = (operationId: string) => operationId.charAt(0).toUpperCase() + operationId.slice(1);

/** The admin API's OpenAPI 3.1 document, generated from the endpoints' own zod schemas. */
export function buildAdminOpenApi(endpoints: readonly Endpoint[], version: string) {
  const schemas: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const parameters: unknown[] = [];
    for (const [name, schema] of Object.entries(endpoint.pathParams ?? {})) {
      parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema, 'input') });
    }
    if (endpoint.query) {
      const query = jsonSchema(endpoint.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    const write = endpoint.method !== 'get';
    if (endpoint.etag && write) parameters.push({ $ref: '#/components/parameters/IfMatch' });
    if (endpoint.method === 'post') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
    const status = String(endpoint.status ?? 200);
    const success: Record<string, unknown> = { description: status === '201' ? 'Created' : status === '204' ? 'Done' : 'OK' };
    if (endpoint.response) {
      schemas[endpoint.response.name] ??= jsonSchema(endpoint.response.schema, 'output');
      success.content = { 'application/json': { schema: { $ref: `#/components/schemas/${endpoint.response.name}` } } };
    }
    if (endpoint.etag && endpoint.response) success.headers = { ETag: { $ref: '#/components/headers/ETag' } };
    const responses: Record<string, unknown> = { [status]: success };
    for (const code of ['400', '401', ...(write ? ['403'] : []), '404', ...(write ? ['409'] : []), ...(endpoint.etag && write ? ['412'] : []), ...(write ? ['413'] : [])]) {
      responses[code] = { $ref: `#/components/responses/Problem${code}` };
    }
    let requestBody: unknown;
    if (endpoint.body) {
      const name = `${pascal(endpoint.operationId)}Request`;
      schemas[name] = jsonSchema(endpoint.body, 'input');
      requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    }
    if (endpoint.upload) requestBody = { required: true, description: endpoint.upload, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
    (paths[endpoint.path] ??= {})[endpoint.method] = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  const tags = [...new Set(endpoints.map((endpoint) => endpoint.tag))].map((name) => ({ name, description: `${name} of the platform.` }));
  const problems = problemComponents(jsonSchema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tollgate admin API',
      version,
      description: 'Run the platform: every write is validated, checked against the caller\'s role and written to the audit log. Lists page with `cursor` and `limit`; POST accepts `Idempotency-Key`; updates take `If-Match`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/api/admin/v1', description: 'This portal' }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN or a personal admin token (tga_…).' } },
      schemas: { ...schemas, ...problems.schemas },
      parameters: problems.parameters,
      headers: problems.headers,
      responses: problems.responses,
    },
  };
}
