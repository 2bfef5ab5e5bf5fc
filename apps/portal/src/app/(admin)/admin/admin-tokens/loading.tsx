import { PageSkeleton } from '../_components/page-skeleton';

export default function AdminTokensLoading() {
  return <PageSkeleton cards={0} label="Loading admin tokens" />;
}
