import { PageSkeleton } from '../_components/page-skeleton';

export default function AdminUsersLoading() {
  return <PageSkeleton cards={0} label="Loading admin users" />;
}
