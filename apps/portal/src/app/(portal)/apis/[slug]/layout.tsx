import type { ReactNode } from 'react';
import { loadCatalogApi } from './_components/load-catalog-api';

/**
 * Decides the 404 before anything is sent: the page below streams behind its loading state,
 * which would otherwise answer 200 first. An API the caller may not see is a 404, like one that does not exist.
 */
export default async function CatalogApiLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await loadCatalogApi(slug);
  return children;
}
