import { PageSkeleton } from '../../_components/page-skeleton';

export default function ApiLoading() {
  return <PageSkeleton cards={0} label="Loading the API" />;
}
