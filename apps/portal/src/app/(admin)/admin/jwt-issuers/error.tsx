'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function JwtIssuersError(props: PageErrorProps) {
  return <PageError {...props} title="JWT issuers" />;
}
