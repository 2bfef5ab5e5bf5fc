import { PageSkeleton } from '../_components/page-skeleton';

export default function KeysLoading() {
  return <PageSkeleton cards={0} label="Loading keys" />;
}
