'use client';

import { PageError, type PageErrorProps } from '@/app/(admin)/admin/_components/page-error';

export default function BillingError(props: PageErrorProps) {
  return <PageError {...props} title="Billing could not be loaded" />;
}
