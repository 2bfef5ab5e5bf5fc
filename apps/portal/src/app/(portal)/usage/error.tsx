'use client';

import { PageError, type PageErrorProps } from '@/app/(admin)/admin/_components/page-error';

export default function UsageError(props: PageErrorProps) {
  return <PageError {...props} title="Usage could not be loaded" />;
}
