'use client';

import { PageError, type PageErrorProps } from '../_components/page-error';

export default function KeysError(props: PageErrorProps) {
  return <PageError {...props} title="Keys" />;
}
