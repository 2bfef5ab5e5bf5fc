import { ERROR_CODES } from '@tollgate/errors';
import { z } from 'zod';

const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
  requestId: z.string().optional(),
  invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});

const DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid parameters (problem+json with `invalid_params` naming each field)',
  '401': 'Missing, unknown, revoked or expired token',
  '403': 'The token\'s role does not allow this',
  '404': 'No such record, or one the caller may not see',
  '409': 'Conflict: a taken slug, or an Idempotency-Key reused with another request',
  '412': 'If-Match names a version that is no longer current',
  '413': 'The body is larger than 1 MiB',
};

/** Problem responses, the problem schema, and the shared headers and parameters. */
export function problemComponents(jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => Record<string, unknown>) {
  const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  return {
    schemas: { Problem: jsonSchema(ZProblem, 'output') },
    responses: Object.fromEntries(Object.entries(DESCRIPTIONS).map(([code, description]) => [`Problem${code}`, { description, content }])),
    headers: { ETag: { description: 'Version of the record; send it back as If-Match.', schema: { type: 'string' } } },
    parameters: {
      IfMatch: { name: 'If-Match', in: 'header', required: false, description: 'ETag from a read; a stale one is refused with 412.', schema: { type: 'string' } },
      IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: 'The same key replays the first answer for 24 hours.', schema: { type: 'string', maxLength: 255 } },
    },
  };
}
