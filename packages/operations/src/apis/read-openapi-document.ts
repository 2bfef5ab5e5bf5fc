import { checkPathTemplate } from '@tollgate/domain';
import { TollgateError, type InvalidParam } from '@tollgate/errors';
import { parse as parseYaml } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface OpenApiOperation {
  path: string;
  method: Uppercase<(typeof METHODS)[number]>;
  /** The operation says `security: []`: callers need no credentials. */
  open: boolean;
}

export interface OpenApiDocument {
  document: Record<string, unknown>;
  title: string | null;
  version: string;
  summary: string | null;
  /** servers[0].url when it is an absolute http(s) URL without variables. */
  server: string | null;
  operations: OpenApiOperation[];
}

const invalid = (params: InvalidParam[]) => new TollgateError('invalid_params', { detail: params.map((param) => `${param.name} ${param.reason}`).join('; '), invalidParams: params });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses JSON or YAML text as an OpenAPI 3.0/3.1 document; `field` names the source in errors. */
export function readOpenApiDocument(text: string, field: string): OpenApiDocument {
  let document: unknown;
  try {
    document = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw invalid([{ name: field, reason: `is neither valid JSON nor YAML: ${(error as Error).message.split('\n')[0]}` }]);
  }
  if (!isObject(document)) throw invalid([{ name: field, reason: 'is not an OpenAPI document (expected an object with "openapi", "info" and "paths")' }]);
  const version = document.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+/.test(version)) {
    const found = version === undefined ? (document.swagger ? ` (found swagger ${String(document.swagger)})` : ' (the field is missing)') : ` (found ${JSON.stringify(version)})`;
    throw invalid([{ name: 'document.openapi', reason: `must be an OpenAPI 3.0 or 3.1 version such as "3.1.0"${found}` }]);
  }
  const info = isObject(document.info) ? document.info : {};
  if (document.paths !== undefined && !isObject(document.paths)) throw invalid([{ name: 'document.paths', reason: 'must be an object of paths' }]);
  const problems: InvalidParam[] = [];
  const operations: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const name = `document.paths["${path}"]`;
    const reason = pathProblem(path);
    if (reason) {
      problems.push({ name, reason });
      continue;
    }
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      operations.push({ path, method: method.toUpperCase() as OpenApiOperation['method'], open: Array.isArray(operation.security) && operation.security.length === 0 });
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return {
    document,
    title: typeof info.title === 'string' && info.title.trim() ? info.title.trim() : null,
    version: typeof info.version === 'string' ? info.version : String(info.version ?? ''),
    summary: typeof info.summary === 'string' ? info.summary : typeof info.description === 'string' ? (info.description.split('\n\n')[0] ?? '').trim() : null,
    server: serverUrl(document.servers),
    operations,
  };
}

function pathProblem(path: string): string | null {
  const open = path.indexOf('{');
  if (open !== -1 && path.indexOf('}', open) === -1) return `has a path parameter that is not closed ("${path.slice(open)}" needs a "}")`;
  const check = checkPathTemplate(path);
  return check.ok ? null : `is not a path the gateway can route: ${check.reason}`;
}

function serverUrl(servers: unknown): string | null {
  const first = Array.isArray(servers) && isObject(servers[0]) ? servers[0].url : undefined;
  if (typeof first !== 'string' || first.includes('{')) return null;
  try {
    const url = new URL(first);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.search && !url.hash ? first.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}
