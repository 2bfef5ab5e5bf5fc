import { z } from 'zod';

/**
 * Every field of an object optional and without its default, for PATCH bodies: a field the
 * caller leaves out stays as stored instead of falling back to the create default
 * (zod's `.partial()` keeps defaults, which would reset what the caller did not send).
 */
export function optionalFields<T extends z.ZodRawShape>(shape: T) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([name, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [name, bare.optional()];
    }),
  );
  return z.strictObject(fields as unknown as { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]> });
}
