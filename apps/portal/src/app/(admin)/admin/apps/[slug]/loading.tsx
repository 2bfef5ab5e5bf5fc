import { PageSkeleton } from '../../_components/page-skeleton';

export default function AppLoading() {
  return <PageSkeleton cards={0} label="Loading the app" />;
}
