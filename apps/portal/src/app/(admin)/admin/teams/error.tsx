'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function TeamsError(props: PageErrorProps) {
  return <PageError {...props} title="Teams" />;
}
