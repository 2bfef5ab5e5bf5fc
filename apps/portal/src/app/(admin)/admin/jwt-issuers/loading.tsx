import { PageSkeleton } from '../_components/page-skeleton';

export default function JwtIssuersLoading() {
  return <PageSkeleton cards={0} label="Loading JWT issuers" />;
}
