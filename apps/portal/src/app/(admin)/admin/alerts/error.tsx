'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function AlertsError(props: PageErrorProps) {
  return <PageError {...props} title="Alerts" />;
}
