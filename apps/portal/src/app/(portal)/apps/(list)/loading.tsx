import { PageSkeleton } from '../../../(admin)/admin/_components/page-skeleton';

export default function AppsLoading() {
  return <PageSkeleton cards={0} label="Loading your apps" />;
}
