import { PageSkeleton } from '../_components/page-skeleton';

export default function SubscriptionsLoading() {
  return <PageSkeleton cards={0} label="Loading subscriptions" />;
}
