import { PageSkeleton } from '../_components/page-skeleton';

export default function GatewaysLoading() {
  return <PageSkeleton cards={0} label="Loading gateways" />;
}
