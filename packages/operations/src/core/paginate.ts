import { TollgateError } from '@tollgate/errors';

export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** The position a cursor stands for; a cursor that is not ours is invalid_params on `cursor`. */
export function decodeCursor(cursor: string | undefined, check: (value: string) => boolean = () => true): string | undefined {
  if (cursor === undefined) return undefined;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!value || encodeCursor(value) !== cursor || !check(value)) {
    throw new TollgateError('invalid_params', { invalidParams: [{ name: 'cursor', reason: 'is not a cursor from a previous page' }] });
  }
  return value;
}

/** Rows fetched with `take: limit + 1`: the extra row only says that another page exists. */
export function pageOf<TRow, TItem>(rows: TRow[], limit: number, keyOf: (row: TRow) => string, toItem: (row: TRow) => TItem) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toItem), next_cursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
