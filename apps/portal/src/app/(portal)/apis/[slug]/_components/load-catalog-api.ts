import 'server-only';
import { getCatalogApi } from '@tollgate/operations';
import { cache } from 'react';
import { readAsVisitor } from '@/lib/auth/developer-principal';
import { notFoundOnMissing } from '@/lib/not-found-on-missing';

/** The URL's API as the caller may see it, read once per request: the layout decides the 404, the page renders it. */
export const loadCatalogApi = cache((slug: string) => readAsVisitor(getCatalogApi, { slug }).catch(notFoundOnMissing));
