'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function SubscriptionsError(props: PageErrorProps) {
  return <PageError {...props} title="Subscriptions" />;
}
