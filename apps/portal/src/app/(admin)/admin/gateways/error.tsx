'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function GatewaysError(props: PageErrorProps) {
  return <PageError {...props} title="Gateways" />;
}
