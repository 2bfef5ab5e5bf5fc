import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isTollgateError } from '@tollgate/errors';
import type { TUsageRange } from '@tollgate/contracts';
import { getUsage, listQuotaMeters, type UsageReport } from '@tollgate/operations';
import { Badge, Button, Card, EmptyState, PageHeader, cn } from '@tollgate/ui';
import { readAsDeveloper } from '@/lib/auth/developer-principal';
import { bucketName } from '@/components/usage/bucket-name';
import { formatLatency } from '@/components/usage/format-latency';
import { OutcomeChart } from '@/components/usage/outcome-chart';
import { describeOutcomes, outcomeSeries } from '@/components/usage/outcome-series';
import { QuotaMeters } from './quota-meters';
import { RangePicker } from './range-picker';
import { TopEndpoints } from './top-endpoints';
import { usageQueryString } from './usage-search-params';

const number = new Intl.NumberFormat('en-US');
const RANGE_NAMES: Record<TUsageRange, string> = { '15m': 'the last 15 minutes', '1h': 'the last hour', '24h': 'the last 24 hours', '7d': 'the last 7 days', '30d': 'the last 30 days' };

export interface UsageViewProps {
  range: TUsageRange;
  app: { slug: string; name: string } | null;
  apps: Array<{ slug: string; name: string }>;
  keyId: string | null;
}

/** Usage of the caller's apps (all, one app, or one key): calls by outcome, latency, top endpoints, quotas. */
export async function UsageView({ range, app, apps, keyId }: UsageViewProps) {
  const returnTo = app ? `/usage/${app.slug}` : '/usage';
  const filter = { ...(app ? { app: app.slug } : {}), ...(keyId ? { key: keyId } : {}) };
  const [report, meters] = await Promise.all([
    readAsDeveloper(getUsage, { range, ...filter }, returnTo),
    readAsDeveloper(listQuotaMeters, app ? { app: app.slug } : {}, returnTo),
  ]).catch((error: unknown) => {
    // A key (or app) outside the caller's teams is a 404 page, like one that does not exist.
    if (isTollgateError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const query = usageQueryString({ range, app: app?.slug, key: keyId });
  return (
    <div className="grid gap-8">
      <PageHeader
        className="mb-0"
        title={app ? `Usage · ${app.name}` : 'Usage'}
        description="Calls your apps sent through the gateway, from its usage rollups; new calls show within a minute."
        actions={
          <>
            <RangePicker />
            <Button asChild variant="secondary">
              <a href={`/usage/export.csv?${query}`} download>
                Download CSV
              </a>
            </Button>
          </>
        }
      />
      <nav aria-label="Apps" className="flex flex-wrap items-center gap-2">
        <AppLink href={`/usage?range=${range}`} current={app === null}>
          All apps
        </AppLink>
        {apps.map((item) => (
          <AppLink key={item.slug} href={`/usage/${item.slug}?range=${range}`} current={app?.slug === item.slug}>
            {item.name}
          </AppLink>
        ))}
        {keyId ? (
          <Badge tone="info">
            One key · <Link href={app ? `/usage/${app.slug}?range=${range}` : `/usage?range=${range}`} className="underline">show all keys</Link>
          </Badge>
        ) : null}
      </nav>
      {report.totals.requests === 0 ? (
        <EmptyState
          title="No calls yet — make your first call"
          action={
            <Button asChild>
              <Link href="/apps">Get an API key</Link>
            </Button>
          }
        >
          Nothing reached the gateway from {app ? app.name : 'your apps'} in {RANGE_NAMES[range]}. Calls appear here within a minute of being made.
        </EmptyState>
      ) : (
        <UsageFigures report={report} range={range} />
      )}
      <QuotaMeters meters={meters} />
    </div>
  );
}

function UsageFigures({ report, range }: { report: UsageReport; range: TUsageRange }) {
  const errorShare = report.totals.requests > 0 ? (report.totals.errors / report.totals.requests) * 100 : 0;
  const stats = [
    { label: 'Requests', value: number.format(report.totals.requests) },
    { label: 'Errors', value: `${number.format(report.totals.errors)} (${errorShare.toFixed(1)}%)` },
    { label: 'Latency p50', value: formatLatency(report.latencyMs.p50) },
    { label: 'Latency p95', value: formatLatency(report.latencyMs.p95) },
    { label: 'Latency p99', value: formatLatency(report.latencyMs.p99) },
  ];
  return (
    <>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-xl border border-border bg-card p-4 shadow-sm">
            <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{stat.label}</dt>
            <dd className="mt-1 text-lg font-semibold text-card-foreground">{stat.value}</dd>
          </div>
        ))}
      </dl>
      <Card title="Requests by outcome" description={`Stacked per ${bucketName(report.bucketMs)}, ${RANGE_NAMES[range]} (UTC).`}>
        <OutcomeChart series={report.series} outcomes={outcomeSeries()} bucketMs={report.bucketMs} label={`Requests by outcome over ${RANGE_NAMES[range]}: ${describeOutcomes(report.totals)}`} />
      </Card>
      <TopEndpoints endpoints={report.topEndpoints} />
    </>
  );
}

function AppLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cn('rounded-full border border-border px-3 py-1 text-sm', current ? 'bg-primary text-primary-foreground' : 'bg-card text-muted-foreground hover:text-foreground')}
    >
      {children}
    </Link>
  );
}
