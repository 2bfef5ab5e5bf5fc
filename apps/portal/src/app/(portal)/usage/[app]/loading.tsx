import { UsageSkeleton } from '../_components/usage-skeleton';

export default UsageSkeleton;
