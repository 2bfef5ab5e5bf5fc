import { Badge, Card, CodeBlock, EmptyState, PageHeader } from '@tollgate/ui';
import type { Metadata } from 'next';
import { getAdminPrincipal } from '@/lib/auth/admin-principal';
import { ADMIN_ENDPOINTS } from '@/lib/openapi/admin-endpoints';
import { buildAdminOpenApi } from '@/lib/openapi/build-admin-openapi';
import { InlineCode } from './_components/inline-code';
import { groupByTag, type OpenApiDocument } from './_components/openapi-document';
import { OperationItem } from './_components/operation-item';

export const metadata: Metadata = { title: 'Admin API' };

const DOCUMENT_URL = '/api/admin/v1/openapi.json';
// The same document /api/admin/v1/openapi.json serves, generated from the handlers' schemas.
const document = buildAdminOpenApi(ADMIN_ENDPOINTS, '1.0.0') as unknown as OpenApiDocument;

const slug = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export default async function ApiReferencePage() {
  await getAdminPrincipal('/admin/api-reference');
  const groups = groupByTag(document);
  const base = document.servers?.[0]?.url ?? '';
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title="Admin API"
        className="mb-0"
        description={document.info.description ? <InlineCode text={document.info.description} /> : undefined}
        actions={
          <a href={DOCUMENT_URL} className="text-sm font-medium text-primary hover:underline">
            openapi.json
          </a>
        }
      />
      <Card title="Calling the API" description={`${document.info.title} ${document.info.version} · OpenAPI 3.1`}>
        <div className="grid gap-3 text-sm text-muted-foreground">
          <p>
            Send an admin token as a bearer token: <code className="font-mono text-foreground">ADMIN_TOKEN</code>, or a personal token from{' '}
            <a href="/admin/admin-tokens" className="font-medium text-primary hover:underline">Admin tokens</a>. Errors are{' '}
            <code className="font-mono text-foreground">application/problem+json</code> with a <code className="font-mono text-foreground">code</code>.
          </p>
          <CodeBlock label="List APIs" code={`curl -H "Authorization: Bearer $TOLLGATE_TOKEN" "$TOLLGATE_URL${base}/apis?limit=20"`} />
        </div>
      </Card>
      {groups.length === 0 ? (
        <EmptyState title="The document lists no operations" />
      ) : (
        <>
          <nav aria-label="Resources" className="flex flex-wrap gap-2">
            {groups.map((group) => (
              <a key={group.tag} href={`#${slug(group.tag)}`} className="rounded-md border border-border bg-card px-3 py-1.5 text-sm text-foreground hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                {group.tag} <span className="text-muted-foreground">{group.operations.length}</span>
              </a>
            ))}
          </nav>
          {groups.map((group) => (
            <section key={group.tag} aria-labelledby={slug(group.tag)} className="grid gap-3">
              <div className="flex items-baseline gap-3">
                <h2 id={slug(group.tag)} className="scroll-mt-20 text-lg font-semibold text-foreground">{group.tag}</h2>
                <Badge>{group.operations.length} {group.operations.length === 1 ? 'operation' : 'operations'}</Badge>
              </div>
              <div className="grid gap-2">
                {group.operations.map((item) => (
                  <OperationItem key={`${item.method} ${item.path}`} document={document} item={item} base={base} />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
