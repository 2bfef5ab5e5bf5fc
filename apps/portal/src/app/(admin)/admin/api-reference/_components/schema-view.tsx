import { Badge } from '@tollgate/ui';
import { refName, resolveRef, type JsonSchema, type OpenApiDocument } from './openapi-document';

const MAX_DEPTH = 6;

function variants(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

/** A short type: `string (date-time)`, `array of Api`, `string | null`. */
export function typeLabel(document: OpenApiDocument, schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = variants(schema);
  if (union) return union.map((item) => typeLabel(document, item)).join(' | ');
  if (schema.allOf?.length === 1) return typeLabel(document, schema.allOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') return `array of ${schema.items ? typeLabel(document, schema.items) : 'any'}`;
  if (schema.enum) return 'enum';
  return `${type ?? 'any'}${schema.format ? ` (${schema.format})` : ''}`;
}

function constraints(schema: JsonSchema): string[] {
  const facts: string[] = [];
  if (schema.enum) facts.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) facts.push(`length ${schema.minLength ?? 0}–${schema.maxLength ?? '∞'}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) facts.push(`range ${schema.minimum ?? schema.exclusiveMinimum ?? '−∞'}–${schema.maximum ?? '∞'}`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined) facts.push(`items ${schema.minItems ?? 0}–${schema.maxItems ?? '∞'}`);
  if (schema.pattern) facts.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  return facts;
}

/** The object a schema describes, looking through references, arrays and single-schema unions. */
function objectOf(document: OpenApiDocument, schema: JsonSchema, depth: number): JsonSchema | null {
  if (depth > MAX_DEPTH) return null;
  const resolved = schema.$ref ? resolveRef(document, schema) : schema;
  if (resolved.properties) return resolved;
  if (resolved.items) return objectOf(document, resolved.items, depth + 1);
  const union = variants(resolved)?.filter((item) => item.type !== 'null');
  if (union?.length === 1) return objectOf(document, union[0]!, depth + 1);
  if (resolved.allOf?.length === 1) return objectOf(document, resolved.allOf[0]!, depth + 1);
  return null;
}

/** A JSON Schema as a nested list of fields: name, type, required, constraints, description. */
export function SchemaView({ document, schema, depth = 0 }: { document: OpenApiDocument; schema: JsonSchema; depth?: number }) {
  const object = objectOf(document, schema, depth);
  if (!object?.properties) {
    const resolved = schema.$ref ? resolveRef(document, schema) : schema;
    return (
      <p className="text-sm text-muted-foreground">
        <code className="font-mono text-xs text-foreground">{typeLabel(document, schema)}</code>
        {constraints(resolved).length ? ` · ${constraints(resolved).join(' · ')}` : null}
      </p>
    );
  }
  const required = new Set(object.required ?? []);
  return (
    <ul className="grid gap-2">
      {Object.entries(object.properties).map(([name, property]) => {
        const resolved = property.$ref ? resolveRef(document, property) : property;
        const nested = depth < MAX_DEPTH ? objectOf(document, property, depth + 1) : null;
        const facts = constraints(resolved);
        return (
          <li key={name} className="grid gap-0.5 text-sm">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <code className="font-mono text-xs font-semibold text-foreground">{name}</code>
              <span className="font-mono text-xs text-muted-foreground">{typeLabel(document, property)}</span>
              {required.has(name) ? <Badge tone="info">required</Badge> : null}
            </div>
            {resolved.description ? <p className="text-muted-foreground">{resolved.description}</p> : null}
            {facts.length ? <p className="break-all text-xs text-muted-foreground">{facts.join(' · ')}</p> : null}
            {nested?.properties ? (
              <div className="mt-1 border-l-2 border-border pl-3">
                <SchemaView document={document} schema={nested} depth={depth + 1} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
