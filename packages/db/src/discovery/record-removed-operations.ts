import { operationShape, removedOperations, specOperations } from '@tollgate/domain';
import type { Prisma } from '../generated/prisma/client';

/**
 * Keeps `removed_api_operations` true when an API's OpenAPI document changes from
 * `before` to `after`: what `before` described and `after` does not is recorded (the
 * database keeps only the current document), and what `after` describes again is
 * dropped. Every writer of `apis.openapi` calls it in its transaction.
 */
export async function recordRemovedOperations(tx: Prisma.TransactionClient, apiId: string, before: unknown, after: unknown, now = new Date()): Promise<void> {
  const described = new Set(specOperations(after).map(operationShape));
  const stored = await tx.removedApiOperation.findMany({ where: { apiId } });
  const back = stored.filter((row) => described.has(operationShape(row)));
  if (back.length > 0) await tx.removedApiOperation.deleteMany({ where: { apiId, OR: back.map(({ method, path }) => ({ method, path })) } });
  const known = new Set(stored.filter((row) => !described.has(operationShape(row))).map(operationShape));
  const removed = removedOperations(before, after).filter((operation) => !known.has(operationShape(operation)));
  if (removed.length > 0) await tx.removedApiOperation.createMany({ data: removed.map(({ method, path }) => ({ apiId, method, path, removedAt: now })), skipDuplicates: true });
}
