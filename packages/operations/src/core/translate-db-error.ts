import { TollgateError, isTollgateError } from '@tollgate/errors';

interface UniqueViolationCause {
  table?: string;
  constraint?: { fields?: string[]; index?: string };
}

interface PrismaLikeError {
  code?: unknown;
  meta?: { target?: unknown; driverAdapterError?: { cause?: UniqueViolationCause } };
}

/** The columns of a unique violation: Prisma's `target`, the adapter's fields, or the index name (`apis_slug_key` -> slug). */
function violatedFields(meta: PrismaLikeError['meta']): string[] {
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.constraint?.fields?.length) return cause.constraint.fields.map((field) => field.replace(/^"|"$/g, ''));
  const index = cause?.constraint?.index;
  if (!index || !cause?.table || !index.startsWith(`${cause.table}_`) || !index.endsWith('_key')) return [];
  return index.slice(cause.table.length + 1, -'_key'.length).split('_').filter(Boolean);
}

/** A unique violation becomes 409 conflict naming the field; a vanished record 404. Others pass through. */
export function translateDbError(error: unknown): unknown {
  if (isTollgateError(error) || typeof error !== 'object' || error === null) return error;
  const { code, meta } = error as PrismaLikeError;
  if (code === 'P2002') {
    const fields = violatedFields(meta);
    return new TollgateError('conflict', {
      detail: `A record with this ${fields.join(', ') || 'value'} already exists.`,
      invalidParams: fields.map((name) => ({ name, reason: 'is already taken' })),
      cause: error,
    });
  }
  if (code === 'P2025') return new TollgateError('not_found', { cause: error });
  return error;
}
