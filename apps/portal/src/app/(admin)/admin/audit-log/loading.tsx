import { PageSkeleton } from '../_components/page-skeleton';

export default function AuditLogLoading() {
  return <PageSkeleton cards={0} label="Loading the audit log" />;
}
