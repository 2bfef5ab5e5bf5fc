import { REQUEST_LOG_EXPORT_MAX_ROWS, ZRequestLogFilter, type TRequestLogEntry } from '@tollgate/contracts';
import type { Prisma } from '@tollgate/db';
import { defineOperation, type Tx } from '../core/define-operation';
import { afterPosition, type RequestLogPosition } from './request-log-cursor';
import { requestLogWhere } from './request-log-where';
import { requestLogWindow } from './request-log-window';
import { toRequestLogEntries } from './to-request-log-entries';

/** Rows read per query while exporting: few round trips, yet small enough to stream. */
const CHUNK_ROWS = 1_000;

export interface RequestLogExport {
  from: string;
  to: string;
  /** Newest first, a chunk at a time as the consumer asks for it: at most REQUEST_LOG_EXPORT_MAX_ROWS rows in all. */
  chunks: AsyncIterable<TRequestLogEntry[]>;
}

async function* readChunks(db: Tx, where: Prisma.RequestLogWhereInput | null): AsyncGenerator<TRequestLogEntry[]> {
  if (!where) return;
  let after: RequestLogPosition | undefined;
  let left = REQUEST_LOG_EXPORT_MAX_ROWS;
  while (left > 0) {
    const rows = await db.requestLog.findMany({ where: { AND: [where, afterPosition(after)] }, orderBy: [{ time: 'desc' }, { id: 'desc' }], take: Math.min(CHUNK_ROWS, left) });
    if (rows.length > 0) yield await toRequestLogEntries(db, rows);
    if (rows.length < CHUNK_ROWS) return;
    left -= rows.length;
    after = rows.at(-1);
  }
}

/** The list's filters and order for a download, read in chunks while it streams. */
export const exportRequestLog = defineOperation({
  name: 'request_log.export',
  role: 'viewer',
  input: ZRequestLogFilter,
  async run(db, input): Promise<RequestLogExport> {
    const window = requestLogWindow(input, new Date());
    const where = await requestLogWhere(db, input, window);
    return { from: window.from.toISOString(), to: window.to.toISOString(), chunks: readChunks(db, where) };
  },
});
