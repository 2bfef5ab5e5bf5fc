import { TollgateError, isTollgateError } from '@tollgate/errors';

interface PrismaLikeError {
  code?: unknown;
  meta?: { target?: unknown; modelName?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } };
}

/** A unique violation becomes 409 conflict naming the field; a vanished record 404. Others pass through. */
export function translateDbError(error: unknown): unknown {
  if (isTollgateError(error) || typeof error !== 'object' || error === null) return error;
  const { code, meta } = error as PrismaLikeError;
  if (code === 'P2002') {
    const raw = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields ?? [];
    const fields = (Array.isArray(raw) ? raw : [raw]).map((field) => String(field).replace(/^"|"$/g, ''));
    return new TollgateError('conflict', {
      detail: `A record with this ${fields.join(', ') || 'value'} already exists.`,
      invalidParams: fields.map((name) => ({ name, reason: 'is already taken' })),
      cause: error,
    });
  }
  if (code === 'P2025') return new TollgateError('not_found', { cause: error });
  return error;
}
