import { PageSkeleton } from './_components/page-skeleton';

export default function AdminLoading() {
  return <PageSkeleton cards={6} label="Loading the console" />;
}
