// Every OpenAPI document Tollgate serves or ships, as it is served: the admin API's
// (/api/admin/v1/openapi.json, under the portal's strict ruleset), the demo upstream's
// (/openapi.json and /openapi.yaml of a running demo upstream) and the developer portal's
// per-API documents (each seeded demo API's stored document with the gateway's key scheme,
// as the API pages render it). Each passes `redocly lint` with no errors, and every schema
// in it compiles under Ajv's strict mode.
import { startDemoUpstream, type DemoUpstream } from '@tollgate/demo-upstream';
import { useTestDatabase } from '@tollgate/db/testing';
import { getCatalogApi, publicPrincipal, runOperation } from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADMIN_ENDPOINTS } from '../../apps/portal/src/lib/openapi/admin-endpoints';
import { buildAdminOpenApi } from '../../apps/portal/src/lib/openapi/build-admin-openapi';
import { withGatewayKey } from '../../apps/portal/src/app/(portal)/apis/[slug]/_components/reference-configuration';
import { seedDemo } from '../../prisma/seed/seed';
import { PORTAL_REDOCLY_CONFIG, RECOMMENDED, redoclyLint, strictSchemaErrors } from '../support/openapi-checks';

type Document = Record<string, unknown> & { components?: { schemas?: Record<string, unknown> } };

const t = useTestDatabase();
let demo: DemoUpstream;
const documents: { name: string; document: Document; ruleset: string }[] = [];

beforeAll(async () => {
  demo = await startDemoUpstream({ port: 0 });
  documents.push({ name: 'admin API', document: buildAdminOpenApi(ADMIN_ENDPOINTS, '1.0.0') as unknown as Document, ruleset: PORTAL_REDOCLY_CONFIG });
  documents.push({ name: 'demo upstream /openapi.json', document: (await (await fetch(`${demo.url}/openapi.json`)).json()) as Document, ruleset: RECOMMENDED });
  documents.push({ name: 'demo upstream /openapi.yaml', document: parse(await (await fetch(`${demo.url}/openapi.yaml`)).text()) as Document, ruleset: RECOMMENDED });
  await seedDemo({ db: t.db, demoUpstreamUrl: demo.url });
  // The public API as a visitor reads it (the operation behind the page), the partner ones from their rows.
  const weather = await runOperation(t.db, publicPrincipal(), getCatalogApi, { slug: 'weather' });
  expect(weather.openapi).not.toBeNull();
  const apis = await t.db.api.findMany({ select: { slug: true, basePath: true, openapi: true }, orderBy: { slug: 'asc' } });
  for (const api of apis.filter((row) => row.openapi !== null)) {
    const stored = (api.slug === 'weather' ? weather.openapi : api.openapi) as Document;
    const served = { ...withGatewayKey(stored), servers: [{ url: `http://127.0.0.1:8080${api.basePath}`, description: 'Tollgate gateway' }] };
    documents.push({ name: `portal /apis/${api.slug}`, document: served, ruleset: RECOMMENDED });
  }
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

describe('OpenAPI documents Tollgate serves or ships', { timeout: 180_000 }, () => {
  it('are the admin API, the demo upstream (both forms) and the portal pages of the seeded APIs', () => {
    expect(documents.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['admin API', 'demo upstream /openapi.json', 'demo upstream /openapi.yaml', 'portal /apis/weather', 'portal /apis/catalog', 'portal /apis/payments']),
    );
  });

  it('each passes redocly lint with no errors', () => {
    const failures = documents.map((entry) => ({ name: entry.name, ...redoclyLint(entry.document, entry.ruleset) })).filter((result) => !result.ok);
    expect(failures.map((failure) => `${failure.name}:\n${failure.output}`)).toEqual([]);
  });

  it("each schema compiles under Ajv's strict mode (no key a cut description left behind)", () => {
    expect(documents.flatMap((entry) => strictSchemaErrors(entry.document).map((error) => `${entry.name} ${error}`))).toEqual([]);
  });

  it('the checks can fail: an operation without a summary fails the lint, a stray key fails the strict schemas', () => {
    const demoDocument = structuredClone(documents.find((entry) => entry.name === 'demo upstream /openapi.json')!.document) as Document & {
      paths: Record<string, Record<string, { summary?: string }>>;
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    };
    delete demoDocument.paths['/echo/{path}']!.get!.summary;
    expect(redoclyLint(demoDocument, RECOMMENDED).ok).toBe(false);
    demoDocument.components.schemas.Echo!.properties.json = { description: 'The body parsed', 'when it was sent as JSON.': null };
    expect(strictSchemaErrors(demoDocument)).toEqual([expect.stringMatching(/^#\/components\/schemas\/Echo: strict mode: unknown keyword: "when it was sent as JSON\."/)]);
  });
});
