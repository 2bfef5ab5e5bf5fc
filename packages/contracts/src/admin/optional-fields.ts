import { z } from 'zod';

type PatchField<T> = T extends z.ZodType ? PatchOf<T> : never;
type PatchOf<T extends z.ZodType> = T extends z.ZodDefault<infer Inner> ? z.ZodOptional<Inner> : T extends z.ZodOptional<infer Inner> ? z.ZodOptional<z.ZodNullable<Inner>> : z.ZodOptional<T>;

/**
 * Every field of an object optional and without its default, for PATCH bodies: a field the
 * caller leaves out stays as stored instead of falling back to the create default
 * (zod's `.partial()` keeps defaults, which would reset what the caller did not send).
 * A field that may be absent on create may be `null` here, which removes it (JSON merge
 * patch, RFC 7396); apply such a body with `mergePatch`.
 */
export function optionalFields<T extends z.ZodRawShape>(shape: T) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([name, field]) => {
      if (field instanceof z.ZodDefault) return [name, (field.unwrap() as z.ZodType).optional()];
      if (field instanceof z.ZodOptional) return [name, (field.unwrap() as z.ZodType).nullable().optional()];
      return [name, (field as z.ZodType).optional()];
    }),
  );
  return z.strictObject(fields as unknown as { [K in keyof T]: PatchField<T[K]> });
}

/** `current` with the PATCH body's fields over it; a `null` removes the field. */
export function mergePatch<T extends Record<string, unknown>>(current: T, changes: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else if (value !== undefined) merged[name] = value;
  }
  return merged;
}
