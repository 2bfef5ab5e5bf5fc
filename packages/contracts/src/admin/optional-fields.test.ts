import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { optionalFields } from './optional-fields';

describe('optionalFields', () => {
  it('leaves out what the caller did not send instead of filling the create defaults', () => {
    const schema = optionalFields({ a: z.int().default(1), b: z.string().default('usd'), c: z.boolean() });
    expect(schema.parse({ a: 5 })).toEqual({ a: 5 });
    expect(schema.parse({})).toEqual({});
    expect(schema.safeParse({ d: 1 }).success).toBe(false);
  });
});
