'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function AdminTokensError(props: PageErrorProps) {
  return <PageError {...props} title="Admin tokens" />;
}
