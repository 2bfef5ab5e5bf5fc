/** An OpenAPI operation with the parameters of its path item merged in (the operation's win). */
export interface OpenApiOperation {
  /** The document's path template, e.g. `/forecast/{name}`. */
  readonly path: string;
  readonly parameters: readonly OpenApiParameter[];
  readonly requestBody: OpenApiRequestBody | null;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: unknown;
}

export interface OpenApiRequestBody {
  readonly required: boolean;
  /** Media type -> schema (undefined when the media type has none). */
  readonly content: ReadonlyMap<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `/forecast/{city}` and `/forecast/{name}` are the same path to a router. */
const shape = (path: string) => path.replace(/\{[^}/]*\}/g, '{}');

/** Follows a local `$ref` (`#/components/...`); anything else is returned as it is. */
export function resolveRef(document: Json, value: unknown, depth = 0): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || depth > 20) return value;
  const ref = value.$ref;
  if (!ref.startsWith('#/')) return value;
  let target: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    target = isObject(target) ? target[segment] : undefined;
  }
  return resolveRef(document, target, depth + 1);
}

/**
 * The operation of `method` on the document's path whose shape equals the route's
 * (`pathInApi` is the route path after the base path). Paths under a server URL's own
 * path are found too: `servers[0].url` `https://x/v1` with path `/forecast/{city}`
 * matches a route `/v1/forecast/{city}` as well as `/forecast/{city}`.
 */
export function findOperation(document: Json, pathInApi: string, method: string): OpenApiOperation | null {
  const paths = isObject(document.paths) ? document.paths : {};
  const wanted = shape(pathInApi);
  const serverPath = serverBasePath(document);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    if (shape(path) !== wanted && shape(serverPath + path) !== wanted) continue;
    const operation = item[method.toLowerCase()];
    if (!isObject(operation)) return null;
    return { path, parameters: mergeParameters(document, item.parameters, operation.parameters), requestBody: readRequestBody(document, operation.requestBody) };
  }
  return null;
}

function serverBasePath(document: Json): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const url = isObject(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
  try {
    return new URL(url, 'http://relative.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function mergeParameters(document: Json, ...lists: unknown[]): OpenApiParameter[] {
  const merged = new Map<string, OpenApiParameter>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolveRef(document, raw);
      if (!isObject(parameter) || typeof parameter.name !== 'string') continue;
      const where = parameter.in;
      if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') continue;
      const name = where === 'header' ? parameter.name.toLowerCase() : parameter.name;
      merged.set(`${where}:${name}`, { name, in: where, required: where === 'path' || parameter.required === true, schema: parameter.schema });
    }
  }
  return [...merged.values()];
}

function readRequestBody(document: Json, raw: unknown): OpenApiRequestBody | null {
  const body = resolveRef(document, raw);
  if (!isObject(body) || !isObject(body.content)) return null;
  const content = new Map<string, unknown>();
  for (const [mediaType, media] of Object.entries(body.content)) content.set(mediaType.toLowerCase(), isObject(media) ? media.schema : undefined);
  return { required: body.required === true, content };
}
