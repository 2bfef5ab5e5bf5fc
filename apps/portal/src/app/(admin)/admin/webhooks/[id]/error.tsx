'use client';

import { PageError, type PageErrorProps } from '../../_components/page-error';

export default function WebhookError(props: PageErrorProps) {
  return <PageError {...props} title="Webhook" />;
}
