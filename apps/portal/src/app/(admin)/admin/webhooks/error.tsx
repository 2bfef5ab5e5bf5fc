'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function WebhooksError(props: PageErrorProps) {
  return <PageError {...props} title="Webhooks" />;
}
