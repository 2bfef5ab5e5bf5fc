'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function AuditLogError(props: PageErrorProps) {
  return <PageError {...props} title="Audit log" />;
}
