'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function RequestLogError(props: PageErrorProps) {
  return <PageError {...props} title="Request log" />;
}
