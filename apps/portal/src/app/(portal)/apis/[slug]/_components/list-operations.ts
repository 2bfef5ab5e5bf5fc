/** One operation of an OpenAPI document, as the code samples offer it. */
export type ApiOperation = { method: string; path: string; summary: string };

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document's operations in its own order; anything malformed is skipped, never fatal. */
export function listOperations(document: unknown): ApiOperation[] {
  if (!isRecord(document) || !isRecord(document.paths)) return [];
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/') || !isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      operations.push({ method: method.toUpperCase(), path, summary: typeof operation.summary === 'string' ? operation.summary : '' });
    }
  }
  return operations;
}
