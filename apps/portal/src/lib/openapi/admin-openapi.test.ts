import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADMIN_ENDPOINTS } from './admin-endpoints';
import { buildAdminOpenApi } from './build-admin-openapi';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

function lint(document: unknown): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', path.join(ROOT, 'apps/portal/redocly.yaml'), '--format=stylish'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the admin API OpenAPI document', () => {
  const document = buildAdminOpenApi(ADMIN_ENDPOINTS, '1.0.0');

  it('passes redocly lint (recommended-strict)', () => {
    const result = lint(document);
    expect(result.status, result.output).toBe(0);
  }, 60_000);

  it('fails the lint when an operation loses its 4xx answers (the lint can fail)', () => {
    const broken = structuredClone(document) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    broken.paths['/apis']!.post!.responses = { '201': { description: 'Created' } };
    expect(lint(broken).status).not.toBe(0);
  }, 60_000);

  it('takes its field rules from the same zod schemas the operations validate with', () => {
    const schemas = document.components.schemas as unknown as Record<string, { properties: Record<string, { pattern?: string; enum?: string[] }>; required?: string[] }>;
    const create = schemas.CreateApiRequest!;
    expect(create.required).toEqual(expect.arrayContaining(['slug', 'name', 'basePath']));
    expect(create.properties.slug!.pattern).toBe('^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$');
    expect(create.properties.visibility!.enum).toEqual(['public', 'private', 'partner']);
    const list = document.paths['/apis']!.get as { parameters: { name: string; schema: { maximum?: number } }[] };
    expect(list.parameters.find((parameter) => parameter.name === 'limit')!.schema.maximum).toBe(100);
  });
});
