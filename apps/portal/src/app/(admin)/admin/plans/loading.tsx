import { PageSkeleton } from '../_components/page-skeleton';

export default function PlansLoading() {
  return <PageSkeleton cards={0} label="Loading plans" />;
}
