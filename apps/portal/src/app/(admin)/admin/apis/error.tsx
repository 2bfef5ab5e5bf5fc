'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function ApisError(props: PageErrorProps) {
  return <PageError {...props} title="APIs" />;
}
