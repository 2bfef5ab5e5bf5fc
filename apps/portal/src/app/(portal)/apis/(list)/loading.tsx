import { PageSkeleton } from '../../../(admin)/admin/_components/page-skeleton';

export default function CatalogLoading() {
  return <PageSkeleton cards={6} label="Loading the API catalog" />;
}
