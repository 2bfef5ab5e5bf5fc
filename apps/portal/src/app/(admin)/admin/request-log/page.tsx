import { REQUEST_LOG_EXPORT_MAX_ROWS, REQUEST_LOG_LIVE_SPAN_MS } from '@tollgate/contracts';
import { isTollgateError } from '@tollgate/errors';
import { listRequestLog } from '@tollgate/operations';
import { Button, ErrorState, PageHeader, parseTableSearchParams } from '@tollgate/ui';
import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getAdminPrincipal, readAsAdmin } from '@/lib/auth/admin-principal';
import { formatInstant } from '../_components/format-age';
import { LiveToggle } from './_components/live-toggle';
import { RequestLogFilters } from './_components/request-log-filters';
import { RequestLogTable } from './_components/request-log-table';
import { LIVE_REFRESH_MS, REQUEST_LOG_TABLE } from './_components/request-log-table-spec';

export const metadata: Metadata = { title: 'Request log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Rows the gateway may stamp a little ahead of this server's clock still show in the live view. */
const CLOCK_SLACK_MS = 60_000;

async function readPage(query: Record<string, unknown>) {
  try {
    return await readAsAdmin(listRequestLog, query, '/admin/request-log');
  } catch (error) {
    // A hand-edited URL (a bad status, range or cursor) is the reader's to fix, not a failure of the page.
    if (isTollgateError(error) && error.code === 'invalid_params') return { invalid: error.invalidParams?.map((param) => param.name).join(', ') || 'the filters' };
    throw error;
  }
}

export default async function RequestLogPage({ searchParams }: { searchParams: SearchParams }) {
  await getAdminPrincipal('/admin/request-log');
  const state = parseTableSearchParams(await searchParams, REQUEST_LOG_TABLE);
  const { live: liveParam, ...filters } = state.filters;
  const live = liveParam === '1';
  const now = Date.now();
  const range = live ? { from: new Date(now - REQUEST_LOG_LIVE_SPAN_MS).toISOString(), to: new Date(now + CLOCK_SLACK_MS).toISOString() } : {};
  const page = await readPage({ limit: state.pageSize, ...(state.cursor ? { cursor: state.cursor } : {}), ...filters, ...range });
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Request log"
        description="Every request the gateways answered, newest first: status, latency, size, route and consumer. Kept for a limited number of days; refused credentials from one address are folded into one row a minute."
        className="mb-0"
        actions={<LiveToggle />}
      />
      <RequestLogFilters />
      {'invalid' in page ? (
        <ErrorState
          title="These filters cannot be read"
          action={
            <Button asChild variant="secondary">
              <Link href="/admin/request-log">Clear the filters</Link>
            </Button>
          }
        >
          Check {page.invalid} in the address.
        </ErrorState>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
            <p>
              {live
                ? `Live: the last 5 minutes, refreshed every ${LIVE_REFRESH_MS / 1000} s while this tab is in view. Updated ${formatInstant(new Date(now).toISOString())}.`
                : `From ${formatInstant(page.from)} to before ${formatInstant(page.to)}.`}
            </p>
            <Button asChild variant="secondary" size="sm">
              <a href={`/admin/request-log/export.csv?${new URLSearchParams({ ...filters, from: page.from, to: page.to })}`} download>
                <Download aria-hidden="true" /> Download CSV
                <span className="sr-only"> of these filters</span>
              </a>
            </Button>
          </div>
          <RequestLogTable
            rows={page.items}
            nextCursor={page.next_cursor}
            empty={live ? 'No requests in the last 5 minutes.' : filtered ? 'No request matches these filters in this range.' : 'No requests in the last 24 hours.'}
          />
          <p className="text-xs text-muted-foreground">The CSV holds the same filters and range, newest first, up to {REQUEST_LOG_EXPORT_MAX_ROWS.toLocaleString('en')} rows.</p>
        </>
      )}
    </div>
  );
}
