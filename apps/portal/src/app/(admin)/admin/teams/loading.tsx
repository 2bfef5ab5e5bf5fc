import { PageSkeleton } from '../_components/page-skeleton';

export default function TeamsLoading() {
  return <PageSkeleton cards={0} label="Loading teams" />;
}
