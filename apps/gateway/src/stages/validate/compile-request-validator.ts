import type { InvalidParam } from '@tollgate/errors';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findOperation, type OpenApiParameter } from './find-operation';
import { openApiAjv } from './openapi-ajv';

type Location = 'path' | 'query' | 'header';

export interface ParameterCheck {
  readonly location: Location;
  /** Parameter names as the document spells them (header names lower-cased). */
  readonly names: readonly { name: string; array: boolean; from: string }[];
  readonly validate: ValidateFunction;
}

export interface BodyCheck {
  readonly required: boolean;
  /** Accepted media types (lower case); `*\/*`-style ranges allowed. */
  readonly mediaTypes: readonly string[];
  /** The JSON body's schema, compiled; null when the document gives none for JSON. */
  readonly json: ValidateFunction | null;
}

export interface RequestValidator {
  readonly parameters: readonly ParameterCheck[];
  readonly body: BodyCheck | null;
}

type Json = Record<string, unknown>;

/**
 * Compiles the checks for one route from the API's OpenAPI document, once per snapshot:
 * an object schema per parameter location (values coerced from strings) and the JSON
 * body's schema. `$ref`s into the document resolve because each compiled schema carries
 * the document's `components`. Returns a reason instead when the document has no
 * operation for the route.
 */
export function compileRequestValidator(document: Json, routePath: string, method: string): RequestValidator | string {
  const operation = findOperation(document, routePath, method);
  if (operation === null) return `the OpenAPI document has no ${method} operation for ${routePath}`;
  const version = typeof document.openapi === 'string' ? document.openapi : '3.1.0';
  const components = document.components ?? {};
  const params = openApiAjv(version, true);
  const routeNames = paramNames(routePath);
  const documentNames = paramNames(operation.path);
  const parameters: ParameterCheck[] = [];
  for (const location of ['path', 'query', 'header'] as const) {
    const list = operation.parameters.filter((parameter) => parameter.in === location);
    if (list.length === 0) continue;
    const schema = {
      type: 'object',
      properties: Object.fromEntries(list.map((parameter) => [parameter.name, parameter.schema ?? {}])),
      required: list.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      components,
    };
    parameters.push({ location, names: list.map((parameter) => nameOf(parameter, routeNames, documentNames)), validate: params.compile(schema) });
  }
  const requestBody = operation.requestBody;
  let body: BodyCheck | null = null;
  if (requestBody !== null) {
    const jsonType = [...requestBody.content.keys()].find(isJsonMediaType);
    const jsonSchema = jsonType === undefined ? undefined : requestBody.content.get(jsonType);
    body = {
      required: requestBody.required,
      mediaTypes: [...requestBody.content.keys()],
      json: jsonSchema === undefined ? null : openApiAjv(version, false).compile({ allOf: [jsonSchema], components }),
    };
  }
  return { parameters, body };
}

function nameOf(parameter: OpenApiParameter, routeNames: readonly string[], documentNames: readonly string[]) {
  const array = isArraySchema(parameter.schema);
  if (parameter.in !== 'path') return { name: parameter.name, array, from: parameter.name };
  // The route may name a path parameter differently: match them by position.
  const index = documentNames.indexOf(parameter.name);
  return { name: parameter.name, array, from: index >= 0 && routeNames[index] !== undefined ? routeNames[index] : parameter.name };
}

const paramNames = (path: string) => [...path.matchAll(/\{([^}/]+)\}/g)].map((match) => match[1]!);

const isArraySchema = (schema: unknown) => typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'array';

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === '*/*' || mediaType === 'application/*';
}

/** Ajv's errors as invalid_params: `query.limit`, `body.items[0].name`, ... */
export function toInvalidParams(prefix: string, errors: readonly ErrorObject[] | null | undefined): InvalidParam[] {
  return (errors ?? []).map((error) => {
    const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    if (error.keyword === 'required') segments.push(String((error.params as { missingProperty?: string }).missingProperty));
    const path = segments.reduce((out, segment) => (/^\d+$/.test(segment) ? `${out}[${segment}]` : `${out}.${segment}`), prefix);
    return { name: path, reason: error.keyword === 'required' ? 'is required' : (error.message ?? 'is invalid') };
  });
}
