'use client';

import { PageError, type PageErrorProps } from '../../../(admin)/admin/_components/page-error';

export default function CatalogApiError(props: PageErrorProps) {
  return <PageError {...props} title="This API could not be loaded" />;
}
