import { Badge } from '@tollgate/ui';
import type { OpenApiDocument, OpenApiParameter } from './openapi-document';
import { typeLabel } from './schema-view';

/** Path, query and header parameters: name, where, type, whether required, and what they mean. */
export function ParameterTable({ document, parameters, label }: { document: OpenApiDocument; parameters: OpenApiParameter[]; label: string }) {
  return (
    <ul aria-label={label} className="grid gap-2">
      {parameters.map((parameter) => (
        <li key={`${parameter.in} ${parameter.name}`} className="grid gap-0.5 text-sm">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <code className="font-mono text-xs font-semibold text-foreground">{parameter.name}</code>
            <span className="text-xs text-muted-foreground">in {parameter.in}</span>
            {parameter.schema ? <span className="font-mono text-xs text-muted-foreground">{typeLabel(document, parameter.schema)}</span> : null}
            {parameter.required ? <Badge tone="info">required</Badge> : null}
          </div>
          {parameter.description ?? parameter.schema?.description ? <p className="text-muted-foreground">{parameter.description ?? parameter.schema?.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
