import type { AnalyticsReport, AnalyticsTopRow } from '@tollgate/operations';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Table, Td } from '@/components/table';
import { formatLatency } from '@/components/usage/format-latency';

const number = new Intl.NumberFormat('en-US');
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function TopTable<T extends AnalyticsTopRow>({ title, head, rows, label, cells }: { title: string; head: string[]; rows: T[]; label: (row: T) => string; cells: (row: T) => ReactNode[] }) {
  return (
    <section aria-label={title} className="grid min-w-0 content-start gap-3">
      <h2 className="text-sm font-semibold text-foreground">{title}</h2>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">Nothing in this range.</p>
      ) : (
        <Table head={[...head, 'Requests', 'Errors', 'p95']} caption={title}>
          {rows.map((row) => (
            <tr key={label(row)}>
              {cells(row).map((cell, index) => (
                <Td key={index}>{cell}</Td>
              ))}
              <Td>{number.format(row.requests)}</Td>
              <Td>{percent(row.errorRate)}</Td>
              <Td>{formatLatency(row.latencyMs.p95)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

const link = (href: string, text: string) => (
  <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">
    {text}
  </Link>
);

/** An API's page narrowed to one upstream version, in the same range. */
const versionHref = (api: string, upstreamVersion: string, query: string) => `/admin/usage/apis/${api}?${new URLSearchParams([...new URLSearchParams(query), ['upstreamVersion', upstreamVersion]])}`;

/**
 * The busiest APIs, routes, apps and teams, the upstream versions side by side (only when a
 * traffic split chose one) and the calls per status class; `query` carries the range to the linked pages.
 */
export function TopTables({ report, query }: { report: AnalyticsReport; query: string }) {
  const suffix = query ? `?${query}` : '';
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <TopTable title="Top APIs" head={['API']} rows={report.topApis} label={(row) => row.api} cells={(row) => [link(`/admin/usage/apis/${row.api}${suffix}`, row.name)]} />
      <TopTable title="Top apps" head={['App', 'Team']} rows={report.topApps} label={(row) => row.app} cells={(row) => [link(`/admin/usage/apps/${row.app}${suffix}`, row.name), row.team]} />
      <TopTable
        title="Top routes"
        head={['API', 'Route']}
        rows={report.topRoutes}
        label={(row) => `${row.api} ${row.route}`}
        cells={(row) => [row.api, <span key="route" className="font-mono text-xs">{row.route}</span>]}
      />
      <TopTable title="Top teams" head={['Team']} rows={report.topTeams} label={(row) => row.team} cells={(row) => [row.name]} />
      {report.topUpstreamVersions.length > 0 ? (
        <TopTable
          title="Upstream versions"
          head={['API', 'Version']}
          rows={report.topUpstreamVersions}
          label={(row) => `${row.api} ${row.upstreamVersion}`}
          cells={(row) => [row.api, link(versionHref(row.api, row.upstreamVersion, query), row.upstreamVersion)]}
        />
      ) : null}
      <section aria-label="Status classes" className="grid min-w-0 content-start gap-3">
        <h2 className="text-sm font-semibold text-foreground">Status classes</h2>
        <Table head={['Class', 'Requests', 'Share']} caption="Status classes">
          {report.statusClasses.map((row) => (
            <tr key={row.statusClass}>
              <Td mono>{row.statusClass}</Td>
              <Td>{number.format(row.requests)}</Td>
              <Td>{percent(report.totals.requests === 0 ? null : row.requests / report.totals.requests)}</Td>
            </tr>
          ))}
        </Table>
        <p className="text-xs text-muted-foreground">The rollups keep the class of each status; the request log has every exact status.</p>
      </section>
    </div>
  );
}
