import 'server-only';
import { getTeamApp } from '@tollgate/operations';
import { cache } from 'react';
import { readAsDeveloper } from '@/lib/auth/developer-principal';
import { notFoundOnMissing } from '@/lib/not-found-on-missing';

/** The URL's app, read once per request: the layout decides the 404 with it and the page renders it. */
export const loadTeamApp = cache((slug: string) => readAsDeveloper(getTeamApp, { app: slug }, `/apps/${slug}`).catch(notFoundOnMissing));
