import { openApiOperations } from './openapi-operations';

/** One method on one path template of an OpenAPI document (relative to the API's base path). */
export interface SpecOperation {
  readonly method: string;
  readonly path: string;
}

/** `GET /carts/{id}` and `GET /carts/{cartId}` are one operation: parameter names do not count. */
export const operationShape = (operation: SpecOperation): string => `${operation.method} ${operation.path.replace(/\{[^}/]+\}/g, '{}')}`;

/** Every operation the document describes, with and without its first server URL's path. */
export function specOperations(document: unknown): SpecOperation[] {
  return openApiOperations('/', document).flatMap((operation) => operation.methods.map((method) => ({ method, path: operation.template })));
}

/** What `before` describes and `after` no longer does. */
export function removedOperations(before: unknown, after: unknown): SpecOperation[] {
  const kept = new Set(specOperations(after).map(operationShape));
  const removed = new Map<string, SpecOperation>();
  for (const operation of specOperations(before)) {
    const shape = operationShape(operation);
    if (!kept.has(shape) && !removed.has(shape)) removed.set(shape, operation);
  }
  return [...removed.values()];
}
