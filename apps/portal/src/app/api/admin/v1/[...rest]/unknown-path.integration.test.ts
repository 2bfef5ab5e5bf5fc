import { describe, expect, it } from 'vitest';
import { call, json, useAdminApi } from '@/test/use-admin-api';

useAdminApi();

describe('an unknown path under /api/admin/v1', () => {
  it('answers problem+json 404 for every method', async () => {
    const route = await import('./route');
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const) {
      const response = await call(route[method], method, '/api/admin/v1/nothing/here', { params: { rest: ['nothing', 'here'] } as never });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await json(response)).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
    }
  });
});
