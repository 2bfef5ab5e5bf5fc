import { PageSkeleton } from '../_components/page-skeleton';

export default function UsageLoading() {
  return <PageSkeleton cards={5} label="Loading the analytics" />;
}
