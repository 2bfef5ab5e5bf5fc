'use client';

import { PageError, type PageErrorProps } from '../../(admin)/admin/_components/page-error';

export default function TeamError(props: PageErrorProps) {
  return <PageError {...props} title="Team" />;
}
