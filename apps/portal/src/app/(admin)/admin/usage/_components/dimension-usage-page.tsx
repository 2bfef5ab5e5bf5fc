import { getApi, getApp } from '@tollgate/operations';
import { notFound } from 'next/navigation';
import type { SearchParams } from 'nuqs/server';
import { readAsAdmin } from '@/lib/auth/admin-principal';
import { loadAnalyticsSearchParams } from './analytics-search-params';
import { AnalyticsView } from './analytics-view';
import { BackToUsage } from './back-to-usage';

const DIMENSIONS = {
  api: {
    segment: 'apis',
    read: async (slug: string, path: string) => readAsAdmin(getApi, { slug }, path),
    describe: (name: string, slug: string) => `Calls to ${name} (${slug}) through the gateways: outcomes, latency, its busiest routes and consumers.`,
  },
  app: {
    segment: 'apps',
    read: async (slug: string, path: string) => readAsAdmin(getApp, { slug }, path),
    describe: (name: string, slug: string) => `Calls made by ${name} (${slug}): outcomes, latency and the APIs and routes it uses most.`,
  },
} as const;

/** One API's or one app's traffic: the overview's charts and filters with that dimension fixed; an unknown slug is a 404. */
export async function DimensionUsagePage({ dimension, params, searchParams }: { dimension: keyof typeof DIMENSIONS; params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const { segment, read, describe } = DIMENSIONS[dimension];
  const path = `/admin/usage/${segment}/${slug}`;
  const record = await read(slug, path).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === 'not_found' || code === 'invalid_params') notFound();
    throw error;
  });
  const view = await loadAnalyticsSearchParams(searchParams);
  const range = new URLSearchParams(Object.entries({ range: view.range, from: view.from, to: view.to }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return (
    <AnalyticsView
      title={`Usage · ${record.name}`}
      description={describe(record.name, slug)}
      path={path}
      view={{ ...view, [dimension]: null }}
      fixed={{ field: dimension, value: slug }}
      back={<BackToUsage query={range.toString()} />}
    />
  );
}
