import { PageSkeleton } from '../_components/page-skeleton';

export default function DiscoveryLoading() {
  return <PageSkeleton cards={4} label="Loading discovered endpoints" />;
}
