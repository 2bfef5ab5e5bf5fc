// The checks every OpenAPI document Tollgate serves or ships must pass:
// `redocly lint` (no errors under the ruleset given) and, for each schema in it, Ajv's
// strict schema mode, which refuses a keyword JSON Schema and OpenAPI do not define — the mark
// a YAML flow mapping leaves when an unquoted description is cut at its comma
// (`{ description: The body, when sent }` is a description and a key `when sent`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The portal's ruleset (recommended-strict and more), for the admin API's document. */
export const PORTAL_REDOCLY_CONFIG = path.join(ROOT, 'apps/portal/redocly.yaml');
/** Redocly's recommended ruleset, for the documents of the APIs Tollgate fronts. */
export const RECOMMENDED = 'recommended';

export interface Verdict {
  ok: boolean;
  output: string;
}

/** `redocly lint` over the document (as JSON), with a config file or a built-in ruleset's name. */
export function redoclyLint(document: unknown, config: string): Verdict {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const configFile = config === RECOMMENDED ? path.join(dir, 'redocly.yaml') : config;
    if (config === RECOMMENDED) writeFileSync(configFile, 'extends:\n  - recommended\n');
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', configFile, '--format=stylish'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface StrictAjv {
  addSchema(schema: object): unknown;
  addVocabulary(keywords: string[]): unknown;
  compile(schema: object): unknown;
}
// Ajv 8 (JSON Schema 2020-12) is the gateway's dependency; the repository root holds an older one.
const gatewayRequire = createRequire(path.join(ROOT, 'apps/gateway/package.json'));
const { Ajv2020 } = gatewayRequire('ajv/dist/2020.js') as { Ajv2020: new (options: object) => StrictAjv };
/** Keywords OpenAPI 3.1 adds to JSON Schema. */
const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator'];
const DOCUMENT_ID = 'urn:tollgate:openapi';

/** Every `schema` in the document, and every component schema, under Ajv's strict mode: the messages of those that fail. */
export function strictSchemaErrors(document: { components?: { schemas?: Record<string, unknown> } }): string[] {
  // Unknown keywords only: the other strict checks (types, required) judge style, not what a document says.
  const ajv = new Ajv2020({ strictSchema: true, strictNumbers: true, strictTypes: false, strictTuples: false, strictRequired: false, validateFormats: false });
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  // Local references point into the document: they resolve against the component schemas.
  const relocated = JSON.parse(JSON.stringify(document).replaceAll('"#/components/schemas/', `"${DOCUMENT_ID}#/$defs/`)) as typeof document;
  ajv.addSchema({ $id: DOCUMENT_ID, $defs: relocated.components?.schemas ?? {} });
  const errors: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const where = `${at}/${key}`;
      // A schema that only names a component schema was checked with it.
      const onlyRef = typeof value === 'object' && value !== null && Object.keys(value).length === 1 && String((value as { $ref?: unknown }).$ref).startsWith(`${DOCUMENT_ID}#/$defs/`);
      if (key === 'schema' && typeof value === 'object' && value !== null) {
        if (!onlyRef) check(value, where);
      }
      else visit(value, where);
    }
  };
  const check = (schema: object, where: string) => {
    try {
      ajv.compile(schema);
    } catch (error) {
      errors.push(`${where}: ${(error as Error).message}`);
    }
  };
  for (const name of Object.keys(relocated.components?.schemas ?? {})) check({ $ref: `${DOCUMENT_ID}#/$defs/${name}` }, `#/components/schemas/${name}`);
  visit(relocated, '#');
  return errors;
}
