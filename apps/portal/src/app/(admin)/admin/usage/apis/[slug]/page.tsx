import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { DimensionUsagePage } from '../../_components/dimension-usage-page';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Usage of ${(await params).slug}` };
}

export default function ApiUsagePage(props: Props) {
  return <DimensionUsagePage dimension="api" {...props} />;
}
