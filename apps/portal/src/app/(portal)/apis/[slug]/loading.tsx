import { PageSkeleton } from '../../../(admin)/admin/_components/page-skeleton';

export default function CatalogApiLoading() {
  return <PageSkeleton cards={3} label="Loading the API" />;
}
