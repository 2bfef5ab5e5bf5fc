'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function UsageError(props: PageErrorProps) {
  return <PageError {...props} title="Usage" />;
}
