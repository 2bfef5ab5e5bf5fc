/** The parts of an OpenAPI 3.1 document the reference reads. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};
export type OpenApiParameter = { $ref?: string; name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
export type OpenApiMedia = Record<string, { schema?: JsonSchema }>;
export type OpenApiResponse = { $ref?: string; description?: string; content?: OpenApiMedia; headers?: Record<string, unknown> };
export type OpenApiOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: OpenApiMedia };
  responses?: Record<string, OpenApiResponse>;
};
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema>; parameters?: Record<string, OpenApiParameter>; responses?: Record<string, OpenApiResponse> };
};

/** Follows a local `#/components/...` reference; anything else is returned as it is. */
export function resolveRef<T extends { $ref?: string }>(document: OpenApiDocument, value: T): T {
  const ref = value.$ref;
  if (!ref?.startsWith('#/')) return value;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node ?? value) as T;
}

/** The name a reference points at: `#/components/schemas/Api` -> `Api`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

export type ReferenceOperation = { method: string; path: string; operation: OpenApiOperation };

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];

/** Operations grouped by their first tag, in the document's tag order, each group by path then method. */
export function groupByTag(document: OpenApiDocument): { tag: string; description?: string; operations: ReferenceOperation[] }[] {
  const groups = new Map<string, ReferenceOperation[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!METHOD_ORDER.includes(method)) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, operation });
    }
  }
  const description = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
  return [...groups.entries()]
    .filter(([, operations]) => operations.length > 0)
    .map(([tag, operations]) => ({ tag, description: description.get(tag), operations }));
}
