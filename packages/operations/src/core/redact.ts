const SECRET_FIELDS = new Set(['hash', 'secret', 'token', 'password', 'passwordHash', 'key', 'publicKeyPem']);

export const REDACTED = '[redacted]';

/** A JSON-safe copy with every secret-looking field replaced, dates as ISO strings, bigints as strings. */
export function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([field, item]) => [field, SECRET_FIELDS.has(field) && item != null ? REDACTED : redact(item)]),
    );
  }
  return value;
}

/** The fields that changed, before and after, both redacted; null when nothing changed. */
export function diff(before: unknown, after: unknown): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const a = (redact(before) ?? {}) as Record<string, unknown>;
  const b = (redact(after) ?? {}) as Record<string, unknown>;
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (field) => JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null),
  );
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((field) => [field, a[field] ?? null])),
    after: Object.fromEntries(changed.map((field) => [field, b[field] ?? null])),
  };
}
