import type { Prisma, RequestLog } from '@tollgate/db';
import { decodeCursor } from '../core/paginate';

// The ISO time has a fixed width, so the request id after the bar may hold anything.
const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(.{1,128})$/s;

export type RequestLogPosition = Pick<RequestLog, 'time' | 'id'>;

/** The sort key of a row, newest first: (time, id). */
export function requestLogCursorKey(row: RequestLogPosition): string {
  return `${row.time.toISOString()}|${row.id}`;
}

/** The row a cursor from a previous page stands for; a forged cursor is invalid_params on `cursor`. */
export function decodeRequestLogCursor(cursor: string | undefined): RequestLogPosition | undefined {
  const match = decodeCursor(cursor, (value) => CURSOR.test(value))?.match(CURSOR);
  return match ? { time: new Date(match[1]!), id: match[2]! } : undefined;
}

/** Rows after `position` in (time desc, id desc) order; every row when there is none. */
export function afterPosition(position: RequestLogPosition | undefined): Prisma.RequestLogWhereInput {
  if (!position) return {};
  return { OR: [{ time: { lt: position.time } }, { time: position.time, id: { lt: position.id } }] };
}
