import { PageSkeleton } from '../_components/page-skeleton';

export default function ApiReferenceLoading() {
  return <PageSkeleton cards={0} label="Loading the API reference" />;
}
