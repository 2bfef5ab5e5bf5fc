'use client';

import { PageError, type PageErrorProps } from '../../_components/page-error';

export default function ApiError(props: PageErrorProps) {
  return <PageError {...props} title="API" />;
}
