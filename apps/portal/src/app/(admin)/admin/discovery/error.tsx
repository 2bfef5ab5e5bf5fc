'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function DiscoveryError(props: PageErrorProps) {
  return <PageError {...props} title="Discovery" />;
}
