import { createHash } from 'node:crypto';

/** A strong ETag of a resource's public representation: reads send it, writes compare If-Match with it. */
export function etagOf(resource: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(resource)).digest('base64url').slice(0, 27)}"`;
}
