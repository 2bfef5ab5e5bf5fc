import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { mergePatch, optionalFields } from './optional-fields';

describe('optionalFields', () => {
  it('leaves out what the caller did not send instead of filling the create defaults', () => {
    const schema = optionalFields({ a: z.int().default(1), b: z.string().default('usd'), c: z.boolean() });
    expect(schema.parse({ a: 5 })).toEqual({ a: 5 });
    expect(schema.parse({})).toEqual({});
    expect(schema.safeParse({ d: 1 }).success).toBe(false);
  });
});

describe('mergePatch', () => {
  it('lets a null remove a field that may be absent, and keeps what the body leaves out', () => {
    const schema = optionalFields({ a: z.int().default(1), cache: z.object({ ttl: z.int() }).optional() });
    expect(schema.safeParse({ a: null }).success).toBe(false);
    const body = schema.parse({ cache: null });
    expect(mergePatch({ a: 2, cache: { ttl: 5 } }, body)).toEqual({ a: 2 });
    expect(mergePatch({ a: 2 }, schema.parse({ cache: { ttl: 9 } }))).toEqual({ a: 2, cache: { ttl: 9 } });
  });
});
