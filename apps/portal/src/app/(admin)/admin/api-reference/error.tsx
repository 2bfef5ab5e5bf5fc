'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function ApiReferenceError(props: PageErrorProps) {
  return <PageError {...props} title="Admin API" />;
}
