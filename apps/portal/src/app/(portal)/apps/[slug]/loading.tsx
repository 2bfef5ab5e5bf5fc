import { PageSkeleton } from '../../../(admin)/admin/_components/page-skeleton';

export default function AppLoading() {
  return <PageSkeleton cards={0} label="Loading the app" />;
}
