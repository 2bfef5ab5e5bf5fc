import { PageSkeleton } from '../_components/page-skeleton';

export default function AppsLoading() {
  return <PageSkeleton cards={0} label="Loading apps" />;
}
