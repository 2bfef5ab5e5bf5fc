import { describe, expect, it } from 'vitest';
import { call, json, useAdminApi } from '@/test/use-admin-api';

useAdminApi();

describe('GET /api/admin/v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document without a token', async () => {
    const { GET } = await import('./route');
    const response = await call(GET, 'GET', '/api/admin/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeTruthy();
    const document = await json<{ openapi: string; paths: Record<string, unknown> }>(response);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/apis', '/apis/{slug}', '/admin-tokens']));
  });
});
