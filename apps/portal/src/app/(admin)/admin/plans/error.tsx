'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function PlansError(props: PageErrorProps) {
  return <PageError {...props} title="Plans" />;
}
