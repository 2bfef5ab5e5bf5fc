import { PageSkeleton } from '../_components/page-skeleton';

export default function RequestLogLoading() {
  return <PageSkeleton cards={0} label="Loading the request log" />;
}
