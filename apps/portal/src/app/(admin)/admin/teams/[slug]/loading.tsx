import { PageSkeleton } from '../../_components/page-skeleton';

export default function TeamLoading() {
  return <PageSkeleton cards={0} label="Loading the team" />;
}
