import type { z } from 'zod';

/** One admin API endpoint as the OpenAPI document describes it, with the schemas its handler validates with. */
export interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Relative to /api/admin/v1, with `{param}` segments. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body is a file sent as it is (not JSON): what it may be. */
  upload?: string;
  /** Name under components/schemas and the schema of the success body; absent for 204. */
  response?: { name: string; schema: z.ZodType };
  status?: 200 | 201 | 204;
  /** Reads of one record send an ETag; updates and deletes take If-Match. */
  etag?: boolean;
}
