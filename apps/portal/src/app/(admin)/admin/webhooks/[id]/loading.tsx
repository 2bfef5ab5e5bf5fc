import { PageSkeleton } from '../../_components/page-skeleton';

export default function WebhookLoading() {
  return <PageSkeleton cards={0} label="Loading the webhook" />;
}
