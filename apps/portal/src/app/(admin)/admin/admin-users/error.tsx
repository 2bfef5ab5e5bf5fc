'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function AdminUsersError(props: PageErrorProps) {
  return <PageError {...props} title="Admin users" />;
}
