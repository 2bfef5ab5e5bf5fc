import { PageSkeleton } from '../_components/page-skeleton';

export default function WebhooksLoading() {
  return <PageSkeleton cards={0} label="Loading webhooks" />;
}
