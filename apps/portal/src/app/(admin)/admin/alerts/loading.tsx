import { PageSkeleton } from '../_components/page-skeleton';

export default function AlertsLoading() {
  return <PageSkeleton cards={0} label="Loading alerts" />;
}
