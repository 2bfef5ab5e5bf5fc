import { PageSkeleton } from '../_components/page-skeleton';

export default function ApisLoading() {
  return <PageSkeleton cards={0} label="Loading APIs" />;
}
