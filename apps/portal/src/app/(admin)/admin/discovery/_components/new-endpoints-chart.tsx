import type { TDiscoverySummary } from '@tollgate/contracts';
import { Card } from '@tollgate/ui';
import { StackedTimeChart } from '@/components/charts/stacked-time-chart';

const DAY_MS = 86_400_000;
const SERIES = [
  { key: 'shadow', label: 'Shadow', color: 'var(--destructive)' },
  { key: 'zombie', label: 'Zombie', color: 'var(--warning)' },
  { key: 'undocumented-method', label: 'Undocumented method', color: 'var(--primary)' },
] as const;

/** Endpoints first seen per day, by kind. */
export function NewEndpointsChart({ days }: { days: TDiscoverySummary['newPerDay'] }) {
  const total = days.reduce((sum, day) => sum + day.shadow + day.zombie + day['undocumented-method'], 0);
  return (
    <Card title="New endpoints per day" description={`${total.toLocaleString('en')} first seen in the last ${days.length} days (UTC)`}>
      <StackedTimeChart
        data={days.map(({ day, ...counts }) => ({ start: `${day}T00:00:00.000Z`, ...counts }))}
        series={SERIES}
        bucketMs={DAY_MS}
        label={`Endpoints first seen per day over the last ${days.length} days: ${total} in all`}
        height={200}
      />
    </Card>
  );
}
