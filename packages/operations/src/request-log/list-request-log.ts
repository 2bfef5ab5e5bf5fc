import { ZListRequestLogQuery, type TRequestLogPage } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { pageOf } from '../core/paginate';
import { afterPosition, decodeRequestLogCursor, requestLogCursorKey } from './request-log-cursor';
import { requestLogWhere } from './request-log-where';
import { requestLogWindow } from './request-log-window';
import { toRequestLogEntries } from './to-request-log-entries';

/** Requests newest first within a bounded time range (default the last 24 hours, at most 7 days), filtered and paged by (time, id). */
export const listRequestLog = defineOperation({
  name: 'request_log.list',
  role: 'viewer',
  input: ZListRequestLogQuery,
  async run(tx, input): Promise<TRequestLogPage> {
    const cursor = afterPosition(decodeRequestLogCursor(input.cursor));
    const window = requestLogWindow(input, new Date());
    const range = { from: window.from.toISOString(), to: window.to.toISOString() };
    const where = await requestLogWhere(tx, input, window);
    if (!where) return { items: [], next_cursor: null, ...range };
    const rows = await tx.requestLog.findMany({ where: { AND: [where, cursor] }, orderBy: [{ time: 'desc' }, { id: 'desc' }], take: input.limit + 1 });
    const page = pageOf(rows, input.limit, requestLogCursorKey, (row) => row);
    return { items: await toRequestLogEntries(tx, page.items), next_cursor: page.next_cursor, ...range };
  },
});
