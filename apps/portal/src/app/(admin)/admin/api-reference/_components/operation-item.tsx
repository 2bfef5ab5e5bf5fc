import { ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { MethodBadge } from './method-badge';
import { resolveRef, type OpenApiDocument, type ReferenceOperation } from './openapi-document';
import { ParameterTable } from './parameter-table';
import { SchemaView } from './schema-view';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h4>
      {children}
    </section>
  );
}

/** One operation, folded to its method, path and summary; opened, its parameters, body and responses. */
export function OperationItem({ document, item, base }: { document: OpenApiDocument; item: ReferenceOperation; base: string }) {
  const { operation } = item;
  const parameters = (operation.parameters ?? []).map((parameter) => resolveRef(document, parameter));
  const body = Object.entries(operation.requestBody?.content ?? {})[0];
  const responses = Object.entries(operation.responses ?? {}).map(([status, response]) => [status, resolveRef(document, response)] as const);
  return (
    <details id={operation.operationId} className="group scroll-mt-20 rounded-lg border border-border bg-card">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-4 py-3 outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" aria-hidden="true" />
        <MethodBadge method={item.method} />
        <code className="break-all font-mono text-sm text-foreground">{item.path}</code>
        <span className="text-sm text-muted-foreground sm:ml-auto">{operation.summary}</span>
      </summary>
      <div className="grid gap-5 border-t border-border px-4 py-4">
        <p className="break-all font-mono text-xs text-muted-foreground">
          {item.method.toUpperCase()} {base}
          {item.path}
          {operation.operationId ? ` · operationId ${operation.operationId}` : null}
        </p>
        {parameters.length > 0 ? (
          <Section title="Parameters">
            <ParameterTable document={document} parameters={parameters} label={`Parameters of ${item.method.toUpperCase()} ${item.path}`} />
          </Section>
        ) : null}
        {body ? (
          <Section title={`Request body · ${body[0]}`}>
            {body[1].schema ? <SchemaView document={document} schema={body[1].schema} /> : null}
          </Section>
        ) : null}
        <Section title="Responses">
          <ul className="grid gap-3">
            {responses.map(([status, response]) => {
              const media = Object.entries(response.content ?? {})[0];
              const problem = media?.[0] === 'application/problem+json';
              return (
                <li key={status} className="grid gap-1.5 text-sm">
                  <p>
                    <code className={`font-mono font-semibold ${status.startsWith('2') ? 'text-success' : 'text-foreground'}`}>{status}</code>{' '}
                    <span className="text-muted-foreground">{response.description}</span>
                    {problem ? <span className="text-muted-foreground"> · problem+json</span> : null}
                  </p>
                  {media && !problem && media[1].schema ? (
                    <div className="border-l-2 border-border pl-3">
                      <SchemaView document={document} schema={media[1].schema} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Section>
      </div>
    </details>
  );
}
