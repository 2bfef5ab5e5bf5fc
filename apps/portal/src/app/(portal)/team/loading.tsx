import { PageSkeleton } from '../../(admin)/admin/_components/page-skeleton';

export default function TeamLoading() {
  return <PageSkeleton cards={0} label="Loading your team" />;
}
